/**
 * The setup steps of each identity provider, naming the fields of its screens exactly as the IdP does.
 * In a step, [[Field]] is a name on the IdP's screen, {tenantUrl} and {product} are filled in.
 */
export const IDP_IDS = ['okta', 'entra', 'onelogin', 'jumpcloud', 'other'] as const;
export type IdpId = (typeof IDP_IDS)[number];

export interface IdpGuide {
  id: IdpId;
  name: string;
  steps: string[];
  /** Shown as a warning beside the steps. */
  warning?: string;
}

export const IDP_GUIDES: Record<IdpId, IdpGuide> = {
  okta: {
    id: 'okta',
    name: 'Okta',
    steps: [
      'In the Okta Admin Console, open Applications › Applications and your {product} app (or Create App Integration › SAML 2.0). On its General tab, under App Settings, set [[Provisioning]] to [[SCIM]] and save.',
      'Open the Provisioning tab › Integration › Edit. In [[SCIM connector base URL]], paste the tenant URL: {tenantUrl}',
      'Set [[Unique identifier field for users]] to [[userName]].',
      'Under [[Supported provisioning actions]], tick [[Import New Users and Profile Updates]], [[Push New Users]], [[Push Profile Updates]] and [[Push Groups]].',
      'Set [[Authentication Mode]] to [[HTTP Header]] and paste the token into [[Authorization]] (Okta sends it as “Bearer …”).',
      'Press [[Test Connector Configuration]]: Okta reports the connector verified. Save. (In the catalog app “SCIM 2.0 Test App (OAuth Bearer Token)” the fields are [[Base URL]] and [[OAuth Bearer Token]], and the button is [[Test API Credentials]].)',
      'Under Provisioning › [[To App]] › Edit, enable [[Create Users]], [[Update User Attributes]] and [[Deactivate Users]], and save.',
      'Assign people or groups on the [[Assignments]] tab; on the [[Push Groups]] tab, push the groups {product} should know.',
    ],
  },
  entra: {
    id: 'entra',
    name: 'Microsoft Entra ID',
    steps: [
      'In the Microsoft Entra admin center, open Enterprise applications › New application › Create your own application, name it and choose [[Integrate any other application you don’t find in the gallery (Non-gallery)]].',
      'Open Provisioning › Get started and set [[Provisioning Mode]] to [[Automatic]].',
      'Under [[Admin Credentials]], paste the tenant URL into [[Tenant URL]] ({tenantUrl}) and the token into [[Secret Token]].',
      'Press [[Test Connection]]: Entra reports that the supplied credentials are authorized. Save.',
      'Under [[Mappings]], keep the defaults (userName from userPrincipalName). Under [[Settings]], set [[Scope]] to [[Sync only assigned users and groups]].',
      'Assign users and groups under Users and groups, then set [[Provisioning Status]] to [[On]] and save. Entra runs its first cycle within about 40 minutes.',
    ],
    warning:
      'Entra quarantines a provisioning job whose calls keep failing: its cycles slow to once a day, and it is disabled after four weeks. Keep provisioning on here while the job runs, and fix errors shown under Activity promptly.',
  },
  onelogin: {
    id: 'onelogin',
    name: 'OneLogin',
    steps: [
      'In OneLogin, open Applications › Add App, find [[SCIM Provisioner with SAML (SCIM v2 Enterprise)]] and save it.',
      'On its Configuration tab, paste the tenant URL into [[SCIM Base URL]] ({tenantUrl}) and the token into [[SCIM Bearer Token]]; keep the default [[SCIM JSON Template]].',
      'Under [[API Connection]], press [[Enable]]: the status turns to Enabled.',
      'On the Provisioning tab, tick [[Enable provisioning]]. For [[When users are deleted in OneLogin, or the user’s app access is removed, perform the below action]], choose [[Suspend]] (the person is deactivated and their seat freed) or [[Delete]]. Save.',
      'Assign the app to people (Users › Applications, or a role). To send groups, open Parameters › Groups and tick [[Include in User Provisioning]].',
    ],
  },
  jumpcloud: {
    id: 'jumpcloud',
    name: 'JumpCloud',
    steps: [
      'In the JumpCloud Admin Portal, open SSO Applications › [[+ Add New Application]], pick your {product} app or [[Custom Application]], and choose [[Export users to this app (Identity Management)]].',
      'On the [[Identity Management]] tab, set [[API Type]] to [[SCIM API]] and [[SCIM Version]] to [[SCIM 2.0]].',
      'Paste the tenant URL into [[Base URL]] ({tenantUrl}) and the token into [[Token Key]]; give a [[Test Email]] address.',
      'Press [[Test Connection]] (JumpCloud creates a test user and removes it again), turn on [[Group Management]] to send groups, then press [[Activate]] and save.',
      'On the [[User Groups]] tab, bind the groups whose members should have {product}.',
    ],
  },
  other: {
    id: 'other',
    name: 'Another SCIM 2.0 client',
    steps: [
      'Set the SCIM 2.0 base URL (RFC 7644) to the tenant URL: {tenantUrl}',
      'Authenticate with the HTTP header [[Authorization: Bearer <token>]], using the token generated here.',
      'Identify users by [[userName]] (unique, compared without case); deactivate them with [[active: false]], which frees their seat.',
      'Groups are supported with members and PATCH (add, remove, replace).',
      'Test with [[GET /Users?startIndex=1&count=1]]: it answers 200 with a ListResponse.',
    ],
  },
};

export function idpGuide(id: string | undefined): IdpGuide {
  return (IDP_IDS as readonly string[]).includes(id ?? '') ? IDP_GUIDES[id as IdpId] : IDP_GUIDES.okta;
}

/** A step as text and field names, with the tenant URL and the product's name filled in. */
export function stepParts(
  step: string,
  values: { tenantUrl: string; product: string },
): Array<{ field: boolean; text: string }> {
  const filled = step.replaceAll('{tenantUrl}', values.tenantUrl).replaceAll('{product}', values.product);
  return filled
    .split(/(\[\[[^\]]+\]\])/)
    .filter(Boolean)
    .map((part) =>
      part.startsWith('[[') ? { field: true, text: part.slice(2, -2) } : { field: false, text: part },
    );
}
