/** Writes a value as a query parameter and returns its placeholder (e.g. `:acl_h_3`). */
export type SqlParam = (value: unknown) => string;

/** A subquery selecting exactly the ids of a household set (one `household_id`-like column). */
export type HouseholdSubquery = (param: SqlParam) => string;

export type HouseholdSetPart = { ids: readonly string[] } | { subquery: HouseholdSubquery };

const PARTS = Symbol('householdSetParts');

type Annotated = string[] & { [PARTS]?: HouseholdSetPart[] };

/**
 * A set of household ids that the database can also compute itself. CASL checks single records
 * against the ids (exact); the SQL translator writes `IN (subquery)` instead of one parameter per id,
 * so that a teamleider's thousands of households never travel as parameters of every list query.
 * The subquery must select exactly these ids (both are read from the same tables in the same request).
 */
export function householdSet(ids: readonly string[], subquery: HouseholdSubquery): string[] {
  return annotate([...new Set(ids)], [{ subquery }]);
}

/** The union of household sets; keeps the subqueries of the sets that have one. */
export function unionOfHouseholds(...sets: readonly string[][]): string[] {
  const ids = [...new Set(sets.flat())];
  const subqueries = sets.flatMap((set) => (sqlPartsOf(set) ?? []).filter((part) => 'subquery' in part));
  if (subqueries.length === 0) return ids;
  const literal = [...new Set(sets.filter((set) => !sqlPartsOf(set)).flat())];
  return annotate(ids, literal.length ? [{ ids: literal }, ...subqueries] : subqueries);
}

/** How the SQL translator writes `$in` on this value: parts joined with OR; undefined for a plain list. */
export function sqlPartsOf(values: unknown): HouseholdSetPart[] | undefined {
  return Array.isArray(values) ? (values as Annotated)[PARTS] : undefined;
}

function annotate(ids: string[], parts: HouseholdSetPart[]): string[] {
  // Not enumerable: CASL, JSON and equality checks see a plain array of ids.
  Object.defineProperty(ids, PARTS, { value: parts, enumerable: false });
  return ids;
}
