import { main } from './main';

// Entry point of the compiled CLI (node dist/apps/cli/src/main-entry.js); bin/rectify.js runs main() from the sources.
void main();
