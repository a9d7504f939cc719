// AccessPolicy body validation (aidbox-api.md §2.1): engine in the documented list, the fields
// each engine needs, and `link` entries (/fhir `{reference}` or Aidbox `{resourceType, id}` form)
// pointing at Client, User or Operation only.
import { arrayOf, isObject, obj, oneOf, shape, str } from './checks.ts';
import type { Issues } from './checks.ts';

export const ENGINES = [
  'allow',
  'matcho',
  'json-schema',
  'sql',
  'complex',
  'allow-rpc',
  'matcho-rpc',
  'signed-rpc',
  'smart-on-fhir',
  'clj',
] as const;

const LINK_REFERENCE = /^(Client|User|Operation)\/[A-Za-z0-9\-.]{1,64}$/;

const fields = shape({
  description: str,
  roleName: str,
  type: oneOf(['rest', 'rpc', 'scope']),
  matcho: obj,
  schema: obj,
  sql: shape({ query: str }),
  rpc: obj,
});

function checkLink(link: unknown, path: string, issues: Issues): void {
  if (!Array.isArray(link)) {
    issues.push({ expression: path, message: `${path} must be an array of references` });
    return;
  }
  link.forEach((entry, i) => {
    const at = `${path}[${i}].reference`;
    // Aidbox's own form {resourceType, id} (access-policies.md) is accepted too.
    const ref = !isObject(entry)
      ? undefined
      : entry.reference === undefined &&
          typeof entry.resourceType === 'string' &&
          typeof entry.id === 'string'
        ? `${entry.resourceType}/${entry.id}`
        : entry.reference;
    if (typeof ref !== 'string' || !LINK_REFERENCE.test(ref)) {
      issues.push({
        expression: at,
        message: `${at} must be a reference to Client/<id>, User/<id> or Operation/<id>`,
      });
    }
  });
}

/** A rule is the policy itself or one of its complex `and`/`or` sub-rules. */
function checkRule(rule: Record<string, unknown>, path: string, issues: Issues): void {
  fields(rule, path, issues);
  const engine = rule.engine;
  if (engine === undefined) {
    issues.push({ expression: `${path}.engine`, message: `${path}.engine is required` });
    return;
  }
  oneOf(ENGINES)(engine, `${path}.engine`, issues);
  const need = (key: string) => {
    if (rule[key] === undefined) {
      issues.push({
        expression: `${path}.${key}`,
        message: `engine ${JSON.stringify(engine)} needs ${path}.${key}`,
      });
    }
  };
  if (engine === 'matcho') need('matcho');
  if (engine === 'json-schema') need('schema');
  if (engine === 'sql') {
    need('sql');
    if (isObject(rule.sql) && typeof rule.sql.query !== 'string') need('sql.query');
  }
  if (engine === 'complex') {
    if (rule.and !== undefined && rule.or !== undefined) {
      issues.push({
        expression: `${path}.and`,
        message: `${path}: "and" and "or" cannot be on the same level`,
      });
    }
    if (rule.and === undefined && rule.or === undefined) need('and');
  }
  for (const key of ['and', 'or'] as const) {
    const sub = rule[key];
    if (sub === undefined) continue;
    arrayOf(obj)(sub, `${path}.${key}`, issues);
    if (Array.isArray(sub)) {
      sub.forEach((s, i) => {
        if (isObject(s)) checkRule(s, `${path}.${key}[${i}]`, issues);
      });
    }
  }
}

export function validateAccessPolicy(resource: Record<string, unknown>, issues: Issues): void {
  checkRule(resource, 'AccessPolicy', issues);
  if (resource.link !== undefined) checkLink(resource.link, 'AccessPolicy.link', issues);
}
