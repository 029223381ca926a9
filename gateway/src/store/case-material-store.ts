import type { Database, Statement } from 'better-sqlite3';
import type { MaterialAnswer, MaterialReviewState } from '../../../types/contract';

/** One material of a case: how the applicant satisfied it, and what the officer said. */
export interface CaseMaterialRow {
  case_id: string;
  material_id: string;
  position: number;
  name: string;
  way: MaterialAnswer['way'];
  /** JSON array of upload ids (way `files`). */
  file_ids: string;
  licence_id: string | null;
  commitment_id: string | null;
  review: MaterialReviewState;
  review_comment: string | null;
  updated_at: number;
}

/** An answer placed in the application's material list. */
export interface PlacedAnswer {
  answer: MaterialAnswer;
  position: number;
  name: string;
}

function answerColumns(answer: MaterialAnswer): {
  file_ids: string;
  licence_id: string | null;
  commitment_id: string | null;
} {
  return {
    file_ids: JSON.stringify(answer.way === 'files' ? answer.fileIds : []),
    licence_id: answer.way === 'e_licence' ? answer.licenceId : null,
    commitment_id: answer.way === 'commitment' ? answer.commitmentId : null,
  };
}

/** The answer a stored row holds. */
export function answerOf(row: CaseMaterialRow): MaterialAnswer {
  if (row.way === 'e_licence')
    return { materialId: row.material_id, way: 'e_licence', licenceId: row.licence_id ?? '' };
  if (row.way === 'commitment') {
    return { materialId: row.material_id, way: 'commitment', commitmentId: row.commitment_id ?? '' };
  }
  return { materialId: row.material_id, way: 'files', fileIds: JSON.parse(row.file_ids) as string[] };
}

/** Case materials: written by the applicant (answers) and the officer (review state). */
export class CaseMaterialStore {
  private readonly listStmt: Statement<[string], CaseMaterialRow>;
  private readonly clearStmt: Statement<[string]>;
  private readonly insertStmt: Statement<Record<string, string | number | null>>;
  private readonly answerStmt: Statement<Record<string, string | number | null>>;
  private readonly reviewStmt: Statement<[MaterialReviewState, string | null, number, string, string]>;
  private readonly reviewAllStmt: Statement<[MaterialReviewState, number, string]>;

  constructor(private readonly db: Database) {
    this.listStmt = db.prepare('SELECT * FROM case_materials WHERE case_id = ? ORDER BY position, material_id');
    this.clearStmt = db.prepare('DELETE FROM case_materials WHERE case_id = ?');
    this.insertStmt = db.prepare(`
      INSERT INTO case_materials (case_id, material_id, position, name, way, file_ids, licence_id, commitment_id,
        review, review_comment, updated_at)
      VALUES (@case_id, @material_id, @position, @name, @way, @file_ids, @licence_id, @commitment_id,
        'pending', NULL, @updated_at)`);
    this.answerStmt = db.prepare(`
      UPDATE case_materials SET way = @way, file_ids = @file_ids, licence_id = @licence_id,
        commitment_id = @commitment_id, review = 'pending', review_comment = NULL, updated_at = @updated_at
      WHERE case_id = @case_id AND material_id = @material_id`);
    this.reviewStmt = db.prepare(
      'UPDATE case_materials SET review = ?, review_comment = ?, updated_at = ? WHERE case_id = ? AND material_id = ?',
    );
    this.reviewAllStmt = db.prepare(
      'UPDATE case_materials SET review = ?, review_comment = NULL, updated_at = ? WHERE case_id = ?',
    );
  }

  list(caseId: string): CaseMaterialRow[] {
    return this.listStmt.all(caseId);
  }

  /** Replaces every answer of the case (a draft save or the submission), all pending review. */
  replaceAll(caseId: string, answers: PlacedAnswer[], now: number): void {
    this.db.transaction(() => {
      this.clearStmt.run(caseId);
      for (const { answer, position, name } of answers) {
        this.insertStmt.run({
          case_id: caseId,
          material_id: answer.materialId,
          position,
          name,
          way: answer.way,
          ...answerColumns(answer),
          updated_at: now,
        });
      }
    })();
  }

  /** A corrected answer for one (returned) material: back to pending, the officer's comment cleared. */
  replaceAnswer(caseId: string, answer: MaterialAnswer, now: number): void {
    this.answerStmt.run({
      case_id: caseId,
      material_id: answer.materialId,
      way: answer.way,
      ...answerColumns(answer),
      updated_at: now,
    });
  }

  review(caseId: string, materialId: string, state: MaterialReviewState, comment: string | null, now: number): void {
    this.reviewStmt.run(state, comment, now, caseId, materialId);
  }

  reviewAll(caseId: string, state: MaterialReviewState, now: number): void {
    this.reviewAllStmt.run(state, now, caseId);
  }
}
