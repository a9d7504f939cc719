// Shapes shared by the policy engines. A rule is an AccessPolicy or one entry of its and/or.
import type { Resource } from '../store/types.ts';

export const ENGINES = ['allow', 'matcho', 'json-schema', 'sql', 'complex'] as const;

export interface PolicyRule {
  engine?: unknown;
  matcho?: unknown;
  schema?: unknown;
  sql?: unknown;
  and?: unknown;
  or?: unknown;
  [key: string]: unknown;
}

/** The Aidbox request object (aidbox-api.md §2.4); a plain JSON map with kebab-case keys. */
export type PolicyRequest = Record<string, unknown>;

export interface RuleResult {
  'eval-result': boolean;
  /** sql rules: `[SQL with ? for each parameter, param…]` (debug-access-control.md). */
  query?: unknown[];
  /** Why a rule could not be evaluated (invalid rule, SQL error); never grants access. */
  error?: string;
  /** Results of the sub-rules of a complex rule, in order. */
  rules?: RuleResult[];
}

export interface PolicyResult extends RuleResult {
  id: string;
  engine: string;
}

export type Policy = Resource & PolicyRule;
