// Entry point for body validation on every write path (REST, Bundles, seeding, auth).
import { StoreError } from '../store/types.ts';
import type { Resource, ResourceType } from '../store/types.ts';
import { validateAccessPolicy } from './access-policy.ts';
import type { Issues } from './checks.ts';
import { validateClient } from './client.ts';

/** FHIR id: letters, digits, '-' and '.', at most 64 characters. */
export const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

/** Throws StoreError('invalid') naming every bad field in `expression`. */
export function validateResource(type: ResourceType, resource: Resource): void {
  const issues: Issues = [];
  if (resource.resourceType !== type) {
    issues.push({ expression: `${type}.resourceType`, message: `resourceType must be "${type}"` });
  }
  if (typeof resource.id !== 'string' || !ID_PATTERN.test(resource.id)) {
    issues.push({ expression: `${type}.id`, message: `${type}.id must match [A-Za-z0-9-.]{1,64}` });
  }
  if (type === 'Client') validateClient(resource, issues);
  if (type === 'AccessPolicy') validateAccessPolicy(resource, issues);
  if (issues.length > 0) {
    throw new StoreError(
      'invalid',
      issues.map((i) => i.message).join('; '),
      issues.map((i) => i.expression),
    );
  }
}
