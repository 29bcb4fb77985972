import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * A page of entities and the number of all matches, from one statement (a window count) instead of
 * getManyAndCount's second query, which repeats the whole search. Only for queries whose rows are their
 * entities one to one (no joined collections). Past the last page there is no row to carry the count,
 * so then it counts separately.
 */
export async function manyWithTotal<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
): Promise<[T[], number]> {
  const { entities, raw } = await qb
    .addSelect('count(*) OVER ()', 'total_matches')
    .getRawAndEntities<{ total_matches: string }>();
  if (entities.length > 0) return [entities, Number(raw[0].total_matches)];
  const offset = qb.expressionMap.skip ?? qb.expressionMap.offset ?? 0;
  return [entities, offset > 0 ? await qb.getCount() : 0];
}
