import { LIST_RESPONSE } from '../schema/urns';

/** RFC 7644 §3.4.2: `Resources` is present (possibly empty) so clients that index it never fail. */
export interface ListResponse<T> {
  schemas: [typeof LIST_RESPONSE];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: T[];
}

export function listResponse<T>(resources: T[], totalResults: number, startIndex: number): ListResponse<T> {
  return {
    schemas: [LIST_RESPONSE],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
