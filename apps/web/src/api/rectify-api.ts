/**
 * The typed API: every operation of apps/web/openapi.json as a function named by its
 * operationId (`searchItems`, `getItem`, `transitionItem` …) with the request and response types,
 * generated into ./generated/client.ts (`npm run generate:web`). A function resolves with the
 * response body; on a network failure or a non-2xx status it throws the app's ApiError with the
 * server's Chinese message (and a 401 sends the user to the login page), because every request
 * goes through apiFetch.
 */
import { apiFetch } from './client';
import { defaults } from './generated/client';

// Paths in the document already start with /api.
defaults.baseUrl = '';
defaults.fetch = apiFetch;

export * from './generated/client';
