import { useState } from 'preact/hooks';
import { openLibrary } from '../../lib/storage/library';
import { parseTags } from '../../lib/storage/records';
import type { SavedArticle } from '../../lib/storage/schema';
import { t } from '../../platform/i18n';

/** The reader's own note and tags on a saved article, kept in the library and searched there. */
export function NotesPanel({ record, onSaved }: { record: SavedArticle; onSaved: (r: SavedArticle) => void }) {
  const [tags, setTags] = useState(record.tags.join(', '));
  const [note, setNote] = useState(record.note);
  const [status, setStatus] = useState('');

  const save = async () => {
    try {
      const lib = await openLibrary();
      try {
        const saved = await lib.setNotes(record.url, note.trim(), parseTags(tags));
        if (saved) onSaved(saved);
        setStatus(t('notesSaved'));
      } finally {
        lib.close();
      }
    } catch (err) {
      setStatus(String((err as Error).message ?? err)); // e.g. a full disk: the text stays in the box
    }
  };

  return (
    <section class="notes" aria-label={t('notes')}>
      <label>{t('tags')} <input id="note-tags" value={tags} placeholder={t('tagsHint')} onInput={(e) => setTags((e.target as HTMLInputElement).value)} /></label>
      <label>{t('notes')} <textarea id="note-text" rows={3} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} /></label>
      <button id="save-notes" onClick={save}>{t('saveNotes')}</button>
      {status && <span class="notice" id="notes-status" role="status">{status}</span>}
    </section>
  );
}
