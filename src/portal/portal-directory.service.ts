import { Injectable } from '@nestjs/common';
import type { Filter } from '../scim/filter/filter-parser';
import { GroupMembership } from '../groups/group-membership';
import { GROUP_RESOURCE } from '../groups/group.resource';
import { ScimResources } from '../resources/scim-resources';
import { ScimError } from '../scim/errors/scim-error';
import { unstorableText } from '../scim/http/json-body-checks';
import { ListQuery } from '../scim/query/list-query';
import { ScimObject } from '../scim/resource/attribute-values';
import { USER_RESOURCE } from '../users/user.resource';
import type { PortalSession } from './portal-session';

/** People and groups listed a page at a time. */
export const DIRECTORY_PAGE = 25;
/** A search is a few words typed into a box. */
const MAX_SEARCH = 200;

export interface DirectoryPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface GroupSummary {
  group: ScimObject;
  memberCount: number;
}

/** The search box's text, at most MAX_SEARCH long; text that cannot be stored cannot be searched for. */
function searchText(search: string): string {
  const text = search.trim().slice(0, MAX_SEARCH);
  const problem = unstorableText(text);
  if (problem) throw ScimError.badRequest('invalidValue', `The search ${problem}`);
  return text;
}

/** `attr co "text"` for each attribute, or'ed: the search box, as a filter the SCIM core runs as SQL. */
function containsAny(attributes: string[], text: string): Filter {
  const filters: Filter[] = attributes.map((attrPath) => ({ op: 'co', attrPath, compValue: text }));
  return filters.length === 1 ? filters[0] : { op: 'or', filters };
}

function listQuery(filter: Filter | null, sortBy: string, page: number, exclude: string[]): ListQuery {
  return {
    filter,
    sortBy,
    sortOrder: 'ascending',
    startIndex: (page - 1) * DIRECTORY_PAGE + 1,
    count: DIRECTORY_PAGE,
    attributes: [],
    excludedAttributes: exclude,
  };
}

/**
 * The people and groups the IdP provisioned, read through the resource types' handlers (the same
 * queries the SCIM API runs), for the tenant of the session only.
 */
@Injectable()
export class PortalDirectoryService {
  constructor(
    private readonly resources: ScimResources,
    private readonly membership: GroupMembership,
  ) {}

  /** People whose name or email contains `search`, by userName. */
  async people(session: PortalSession, search: string, page: number): Promise<DirectoryPage<ScimObject>> {
    const text = searchText(search);
    const filter = text
      ? containsAny(['userName', 'displayName', 'name.givenName', 'name.familyName', 'emails.value'], text)
      : null;
    const list = await this.resources.list(
      session.tenantId,
      USER_RESOURCE.endpoint,
      listQuery(filter, 'userName', page, ['groups']),
    );
    return {
      items: list.resources,
      total: list.list?.totalResults ?? list.resources.length,
      page,
      pageSize: DIRECTORY_PAGE,
    };
  }

  /** A person with their groups and seat. */
  async person(session: PortalSession, userId: string): Promise<ScimObject> {
    const result = await this.resources.get(session.tenantId, USER_RESOURCE.endpoint, userId, {
      attributes: [],
      excludedAttributes: [],
    });
    return result.body?.resources[0] ?? {};
  }

  /** Groups whose name contains `search`, by name, with their direct member counts. */
  async groupList(
    session: PortalSession,
    search: string,
    page: number,
  ): Promise<DirectoryPage<GroupSummary>> {
    const text = searchText(search);
    const filter = text ? containsAny(['displayName'], text) : null;
    const body = await this.resources.list(
      session.tenantId,
      GROUP_RESOURCE.endpoint,
      listQuery(filter, 'displayName', page, ['members']),
    );
    const ids = body.resources.map((g) => g.id as string);
    const counts = await this.membership.memberCounts(session.tenantId, ids);
    return {
      items: body.resources.map((group) => ({ group, memberCount: counts.get(group.id as string) ?? 0 })),
      total: body.list?.totalResults ?? body.resources.length,
      page,
      pageSize: DIRECTORY_PAGE,
    };
  }
}
