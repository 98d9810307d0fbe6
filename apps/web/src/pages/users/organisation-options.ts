import { type OrganisationNodeResponse as OrganisationNode } from '../../api/rectify-api';

/** A TreeSelect option of the organisation tree. */
export interface OrganisationOption {
  value: string;
  title: string;
  children: OrganisationOption[];
}

/** The organisation tree as TreeSelect options (value: id, title: name). */
export const organisationOptions = (nodes: OrganisationNode[]): OrganisationOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: organisationOptions(n.children) }));
