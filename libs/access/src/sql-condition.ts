import { Brackets, EntityMetadata, WhereExpressionBuilder } from 'typeorm';
import { AppAbility } from './ability.factory';
import { sqlPartsOf } from './household-set';
import { Action, SubjectName } from './subjects';

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

const COMPARISON: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

const TRUE: AstNode = { operator: 'and', value: [] };
const FALSE: AstNode = { operator: 'or', value: [] };

/**
 * The rules as one condition with CASL's own semantics: the highest-priority matching rule decides.
 * (CASL's rulesToAST approximates this as "any allow AND NOT any deny", which differs when a deny
 * rule is defined before an allow rule that overlaps it; our property test found such a case.)
 */
function rulesAsOneCondition(ability: AppAbility, action: Action, subjectType: SubjectName): AstNode | null {
  const rules = ability.rulesFor(action, subjectType);
  if (!rules.some((rule) => !rule.inverted)) return null;
  let condition = FALSE;
  for (const rule of [...rules].reverse()) {
    const matches = rule.conditions ? (rule.ast as AstNode) : TRUE;
    condition = rule.inverted
      ? { operator: 'and', value: [{ operator: 'not', value: [matches] }, condition] }
      : { operator: 'or', value: [matches, condition] };
  }
  return condition;
}

const isTrue = (node: AstNode) => node.operator === 'and' && (node.value as AstNode[]).length === 0;
const isFalse = (node: AstNode) => node.operator === 'or' && (node.value as AstNode[]).length === 0;

/**
 * Drops the constant parts the rule folding leaves (`x OR FALSE`, `x AND TRUE`, nested ANDs and ORs).
 * Not cosmetic: PostgreSQL turns `col IN (subquery)` into a semi-join only when it stands in the
 * top-level AND of a WHERE, and it plans that before it folds constants, so `(col IN (...)) OR FALSE`
 * was run as a filter over every row (issue 14: the teamleider's plan worklist count 95 ms).
 */
function simplified(node: AstNode): AstNode {
  if (node.operator === 'not') {
    const inner = simplified((node.value as AstNode[])[0]);
    if (isTrue(inner)) return FALSE;
    if (isFalse(inner)) return TRUE;
    return { operator: 'not', value: [inner] };
  }
  if (node.operator !== 'and' && node.operator !== 'or') return node;
  const absorbing = node.operator === 'and' ? isFalse : isTrue;
  const neutral = node.operator === 'and' ? isTrue : isFalse;
  const parts: AstNode[] = [];
  for (const part of (node.value as AstNode[]).map(simplified)) {
    if (absorbing(part)) return part;
    if (neutral(part)) continue;
    if (part.operator === node.operator) parts.push(...(part.value as AstNode[]));
    else parts.push(part);
  }
  return parts.length === 1 ? parts[0] : { operator: node.operator, value: parts };
}

/**
 * Turns the caller's rules for (action, subject) into a WHERE condition, so lists are filtered by
 * the database with exactly the rules `ability.can` applies to single records. Only whitelisted
 * operators on mapped entity columns are accepted; anything else is refused, never ignored.
 * Returns null when nothing is allowed: the caller must then return an empty result, not query.
 * Combine the result only with `andWhere`.
 */
export function accessCondition(
  ability: AppAbility,
  action: Action,
  subjectType: SubjectName,
  metadata: EntityMetadata,
  alias: string,
): Brackets | null {
  const rules = rulesAsOneCondition(ability, action, subjectType);
  if (rules === null) return null;
  const ast = simplified(rules);
  let counter = 0;
  const params: Record<string, unknown> = {};
  const column = (field: string) => {
    const col = metadata.findColumnWithPropertyName(field);
    if (!col) throw new Error(`Access rule refers to unmapped field '${field}' of ${metadata.name}`);
    return `"${alias}"."${col.databaseName}"`;
  };
  const param = (value: unknown) => {
    const name = `acl_${alias}_${counter++}`;
    params[name] = value;
    return name;
  };
  // A household set the database computes itself is tested with its subqueries, not thousands of ids.
  const membership = (columnSql: string, values: unknown[]) => {
    const parts = sqlPartsOf(values);
    if (!parts) return `${columnSql} IN (:...${param(values)})`;
    const tests = parts.map((part) =>
      'ids' in part
        ? `${columnSql} IN (:...${param(part.ids)})`
        : `${columnSql} IN (${part.subquery((value) => `:${param(value)}`)})`,
    );
    return `(${tests.join(' OR ')})`;
  };
  const translate = (node: AstNode): string => {
    switch (node.operator) {
      case 'and':
      case 'or': {
        const parts = (node.value as AstNode[]).map(translate);
        if (parts.length === 0) return node.operator === 'and' ? 'TRUE' : 'FALSE';
        return `(${parts.join(node.operator === 'and' ? ' AND ' : ' OR ')})`;
      }
      case 'not':
        return `(NOT COALESCE(${translate((node.value as AstNode[])[0])}, FALSE))`;
      case 'in':
      case 'nin': {
        const values = node.value as unknown[];
        if (!Array.isArray(values)) throw new Error(`Access rule '${node.operator}' needs an array`);
        if (values.length === 0) return node.operator === 'in' ? 'FALSE' : 'TRUE';
        const test = membership(column(node.field!), values);
        return node.operator === 'in' ? test : `(${column(node.field!)} IS NULL OR NOT ${test})`;
      }
      default: {
        const sqlOperator = COMPARISON[node.operator];
        if (!sqlOperator) throw new Error(`Access rule operator '${node.operator}' is not supported in SQL`);
        if (node.value === null) {
          if (node.operator === 'eq') return `${column(node.field!)} IS NULL`;
          if (node.operator === 'ne') return `${column(node.field!)} IS NOT NULL`;
          throw new Error(`Access rule '${node.operator}' cannot compare with null`);
        }
        const expression = `${column(node.field!)} ${sqlOperator} :${param(node.value)}`;
        // Mongo semantics: $ne matches a missing value; SQL's <> would drop NULL rows.
        return node.operator === 'ne' ? `(${column(node.field!)} IS NULL OR ${expression})` : expression;
      }
    }
  };
  const sql = translate(ast);
  return new Brackets((qb: WhereExpressionBuilder) => {
    qb.where(sql, params);
  });
}
