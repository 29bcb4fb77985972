import { EntityManager } from 'typeorm';

/** Copies the goals and actions of one version into another, keeping their ids (for comparison). */
export async function copyVersionContent(m: EntityManager, fromVersionId: string, toVersionId: string) {
  await m.query(
    `INSERT INTO plan_goal (version_id, id, plan_id, household_id, municipality_id, life_domain, description,
       owner_type, owner_person_id, owner_user_id, target_date, status, indication_ids, internal_note, position)
     SELECT $1, id, plan_id, household_id, municipality_id, life_domain, description,
       owner_type, owner_person_id, owner_user_id, target_date, status, indication_ids, internal_note, position
     FROM plan_goal WHERE version_id = $2`,
    [toVersionId, fromVersionId],
  );
  await m.query(
    `INSERT INTO plan_action (version_id, id, goal_id, plan_id, household_id, municipality_id, actor_type,
       actor_person_id, actor_user_id, actor_organisation, description, due_on, done, position)
     SELECT $1, id, goal_id, plan_id, household_id, municipality_id, actor_type,
       actor_person_id, actor_user_id, actor_organisation, description, due_on, done, position
     FROM plan_action WHERE version_id = $2`,
    [toVersionId, fromVersionId],
  );
}
