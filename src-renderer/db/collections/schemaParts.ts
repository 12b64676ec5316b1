/**
 * Building blocks for RxDB JSON schemas. Indexed fields need bounds RxDB and Dexie can index (a maxLength for
 * strings, minimum/maximum/multipleOf for numbers) and must be required; the zod schemas in src-shared stay the
 * validators, and test/unit/db checks both describe the same fields.
 */
export const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
export const oneOf = (values: readonly string[]) =>
  ({ type: 'string', enum: [...values], maxLength: 40 }) as const;
export const wholeNumber = (maximum: number) =>
  ({ type: 'number', minimum: 0, maximum, multipleOf: 1 }) as const;
export const timestamp = wholeNumber(9_999_999_999_999);
export const decimal = { type: 'number' } as const;
export const flag = { type: 'boolean' } as const;
export const list = (items: object = {}) => ({ type: 'array', items }) as const;
export const record = { type: 'object' } as const;

export const baseProperties = {
  id: text(40),
  createdAt: timestamp,
  updatedAt: timestamp,
  ownerId: text(40),
  teamId: text(40),
} as const;
export const baseRequired = ['id', 'createdAt', 'updatedAt', 'ownerId', 'teamId'] as const;
