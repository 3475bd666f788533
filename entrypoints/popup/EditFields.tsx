import type { FieldEdits } from '../../lib/article/edits';
import type { CleanArticle } from '../../lib/types';
import { t } from '../../platform/i18n';

const FIELDS = [
  ['title', 'pickerTitle'],
  ['author', 'metaAuthor'],
  ['source', 'metaSource'],
  ['published', 'metaPublished'],
] as const;

/** Title, author, source and date as the user wants them saved, exported and named on disk. */
export function EditFields({ article, edits, onEdit }: { article: CleanArticle; edits: FieldEdits; onEdit: (field: keyof FieldEdits, value: string) => void }) {
  const edited = Object.keys(edits).length > 0;
  return (
    <details class="edit-fields" id="edit-fields" open={edited}>
      <summary>{t('editFields')}</summary>
      {FIELDS.map(([field, label]) => (
        <label key={field} class="edit-field">
          <span>{t(label)}</span>
          <input
            id={`edit-${field}`}
            value={edits[field] ?? (field === 'author' ? (article.author ?? article.byline) : article[field]) ?? ''}
            onInput={(e) => onEdit(field, (e.target as HTMLInputElement).value)}
          />
        </label>
      ))}
      {edited && <p class="hint">{t('editedNote')}</p>}
    </details>
  );
}
