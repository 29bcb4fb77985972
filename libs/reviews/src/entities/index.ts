import { CaseReviewAction } from './case-review-action.entity';
import { CaseReviewLeerpunt } from './case-review-leerpunt.entity';
import { CaseReview } from './case-review.entity';
import { ReviewFlag } from './review-flag.entity';

export * from './case-review-action.entity';
export * from './case-review-leerpunt.entity';
export * from './case-review.entity';
export * from './review-flag.entity';

export const REVIEW_ENTITIES = [CaseReview, CaseReviewAction, CaseReviewLeerpunt, ReviewFlag];
