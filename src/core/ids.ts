/** Ids of findings that come from the runner rather than from a rule (kept apart so hosts can import them without the rules). */
export const INTERNAL_RULE_ID = 'internal-error';
export const UNUSED_DISABLE_RULE_ID = 'unused-disable';
