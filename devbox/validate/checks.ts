// Small type checks that collect issues instead of throwing, so one 422 can name every bad field.
export interface FieldIssue {
  expression: string;
  message: string;
}

export type Issues = FieldIssue[];

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Check = (value: unknown, path: string, issues: Issues) => void;

export const str: Check = (v, path, issues) => {
  if (typeof v !== 'string') issues.push({ expression: path, message: `${path} must be a string` });
};

export const bool: Check = (v, path, issues) => {
  if (typeof v !== 'boolean') issues.push({ expression: path, message: `${path} must be a boolean` });
};

export const nonNegInt: Check = (v, path, issues) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    issues.push({ expression: path, message: `${path} must be a non-negative integer` });
  }
};

export const obj: Check = (v, path, issues) => {
  if (!isObject(v)) issues.push({ expression: path, message: `${path} must be an object` });
};

export function oneOf(values: readonly string[]): Check {
  return (v, path, issues) => {
    if (typeof v !== 'string' || !values.includes(v)) {
      issues.push({ expression: path, message: `${path} must be one of: ${values.join(', ')}` });
    }
  };
}

export function arrayOf(item: Check): Check {
  return (v, path, issues) => {
    if (!Array.isArray(v)) {
      issues.push({ expression: path, message: `${path} must be an array` });
      return;
    }
    v.forEach((el, i) => item(el, `${path}[${i}]`, issues));
  };
}

/** Checks the listed fields of an object when present; fields not listed are left alone. */
export function shape(fields: Record<string, Check>): Check {
  return (v, path, issues) => {
    if (!isObject(v)) {
      issues.push({ expression: path, message: `${path} must be an object` });
      return;
    }
    for (const [key, check] of Object.entries(fields)) {
      if (v[key] !== undefined) check(v[key], `${path}.${key}`, issues);
    }
  };
}
