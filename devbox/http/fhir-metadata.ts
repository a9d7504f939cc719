// GET /fhir/metadata: a FHIR R4 CapabilityStatement listing what devbox really serves, no more.
// Public, like the SMART configuration it points to (FHIR R4 http.html#capabilities).
import { Hono } from 'hono';
import type { DevboxContext } from '../context.ts';
import { RESOURCE_TYPES } from '../store/types.ts';

const COMMON_PARAMS = [
  { name: '_id', type: 'token' },
  { name: '_lastUpdated', type: 'date' },
  { name: '_ilike', type: 'string', documentation: 'Aidbox: case-insensitive match over the resource text' },
];

const TYPE_PARAMS: Record<string, { name: string; type: string }[]> = {
  Session: [
    { name: 'client', type: 'reference' },
    { name: 'user', type: 'reference' },
    { name: 'jti', type: 'string' },
    { name: 'access_token', type: 'token' },
  ],
  User: [
    { name: 'email', type: 'string' },
    { name: 'userName', type: 'string' },
  ],
};

const WRITE = ['create', 'update', 'patch', 'delete'];
const READ = ['read', 'vread', 'search-type', 'history-instance', 'history-type'];

export function capabilityStatement(baseUrl: string, devMode: boolean) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-12-05',
    kind: 'instance',
    software: { name: 'devbox (Aidbox-compatible development server)' },
    implementation: { description: 'devbox', url: `${baseUrl}/fhir` },
    fhirVersion: '4.0.1',
    format: ['json'],
    patchFormat: ['application/json-patch+json', 'application/merge-patch+json'],
    rest: [
      {
        mode: 'server',
        security: {
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                },
              ],
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: `${baseUrl}/auth/authorize` },
                { url: 'token', valueUri: `${baseUrl}/auth/token` },
                { url: 'introspect', valueUri: `${baseUrl}/auth/introspect` },
              ],
            },
          ],
          description: `Bearer tokens from ${baseUrl}/auth/token, or Basic for Clients with "basic" in grant_types. Access by AccessPolicy${devMode ? '; development mode on (__debug=policy, /auth/test-policy)' : ''}.`,
        },
        resource: RESOURCE_TYPES.map((type) => ({
          type,
          interaction: (type === 'Operation' ? READ : [...READ, ...WRITE]).map((code) => ({ code })),
          versioning: 'versioned-update',
          readHistory: true,
          updateCreate: type !== 'Operation',
          conditionalCreate: type !== 'Operation',
          conditionalRead: 'not-supported',
          conditionalUpdate: type !== 'Operation',
          conditionalDelete: type === 'Operation' ? 'not-supported' : 'multiple',
          searchParam: [...COMMON_PARAMS, ...(TYPE_PARAMS[type] ?? [])],
        })),
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
      },
    ],
  };
}

export function metadataRoutes(ctx: DevboxContext): Hono {
  const app = new Hono();
  app.get('/fhir/metadata', (c) => c.json(capabilityStatement(ctx.config.baseUrl, ctx.config.devMode)));
  return app;
}
