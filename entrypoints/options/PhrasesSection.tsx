import { useEffect, useState } from 'preact/hooks';
import { checkPhraseTable } from '../../lib/convert/phrase-table';
import { type PhraseToward, type UserPhrase, LONGEST_PHRASE, loadConverterWith } from '../../lib/convert/user-phrases';
import { t } from '../../platform/i18n';
import { readUserPhrases } from '../../platform/settings';
import { saveUserPhrases, watchUserPhrases } from '../../platform/user-phrases';

const TOWARD_LABELS = { both: 'phraseTowardBoth', traditional: 'phraseTowardTraditional', simplified: 'phraseTowardSimplified' } as const;
const TOWARDS = Object.keys(TOWARD_LABELS) as PhraseToward[];

/** A sentence in both scripts with the table applied: the reader sees what a row does before meeting it on a page. */
function TryIt({ phrases }: { phrases: UserPhrase[] }) {
  const [text, setText] = useState('');
  const [out, setOut] = useState<{ cn: string; t: string } | null>(null);
  useEffect(() => {
    if (!text.trim()) return setOut(null);
    let live = true;
    void Promise.all([loadConverterWith('cn', phrases), loadConverterWith('t', phrases)]).then(([cn, tr]) => {
      if (live) setOut({ cn: cn(text), t: tr(text) });
    });
    return () => {
      live = false;
    };
  }, [text, phrases]);
  return (
    <div class="phrase-try">
      <label>
        {t('optPhraseTry')}
        <input id="phrase-try" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
      </label>
      {out && (
        <dl id="phrase-try-result">
          <dt>{t('pageSimplified')}</dt>
          <dd lang="zh-Hans">{out.cn}</dd>
          <dt>{t('pageTraditional')}</dt>
          <dd lang="zh-Hant">{out.t}</dd>
        </dl>
      )}
    </div>
  );
}

/** The reader's own 简/繁 phrases: names kept as written and pairs of their own, for articles, exports and pages. */
export function PhrasesSection() {
  const [phrases, setPhrases] = useState<UserPhrase[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [toward, setToward] = useState<PhraseToward>('both');
  const [error, setError] = useState('');

  useEffect(() => {
    readUserPhrases().then(setPhrases);
    return watchUserPhrases(setPhrases);
  }, []);

  const store = async (rows: UserPhrase[]) => setPhrases((await saveUserPhrases(rows)).phrases);
  const add = async (e: Event) => {
    e.preventDefault();
    const { phrases: [row], refused } = checkPhraseTable([{ from, to, toward }]);
    if (!row) return setError(t('optPhraseRefused', refused[0]?.reason ?? ''));
    // One row per phrase and direction: adding it again replaces the reader's earlier row.
    await store([...phrases.filter((p) => p.from !== row.from || p.toward !== row.toward), row]);
    setFrom('');
    setTo('');
    setError('');
  };

  return (
    <section id="phrases">
      <h2>{t('optPhrases')}</h2>
      <p class="note">{t('optPhrasesNote')}</p>
      {phrases.length ? (
        <table id="phrase-table">
          <thead>
            <tr>
              <th scope="col">{t('optPhraseFrom')}</th>
              <th scope="col">{t('optPhraseTo')}</th>
              <th scope="col">{t('optPhraseToward')}</th>
              <th scope="col"><span class="visually-hidden">{t('optPhraseRemove')}</span></th>
            </tr>
          </thead>
          <tbody>
            {phrases.map((p, i) => (
              <tr key={`${p.toward}:${p.from}`}>
                <td>{p.from}</td>
                <td>{p.to === p.from ? <span class="note">{t('optPhraseKept')}</span> : p.to}</td>
                <td>{t(TOWARD_LABELS[p.toward])}</td>
                <td>
                  <button class="remove-phrase" aria-label={`${t('optPhraseRemove')} ${p.from}`} onClick={() => store(phrases.filter((_, j) => j !== i))}>{t('optPhraseRemove')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="note" id="no-phrases">{t('optNoPhrases')}</p>
      )}
      <form class="phrase-add" onSubmit={add}>
        <label>
          {t('optPhraseFrom')}
          <input id="phrase-from" required maxLength={LONGEST_PHRASE} value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('optPhraseTo')}
          <input id="phrase-to" maxLength={LONGEST_PHRASE * 2} placeholder={t('optPhraseToHint')} value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('optPhraseToward')}
          <select id="phrase-toward" value={toward} onChange={(e) => setToward((e.target as HTMLSelectElement).value as PhraseToward)}>
            {TOWARDS.map((w) => <option key={w} value={w}>{t(TOWARD_LABELS[w])}</option>)}
          </select>
        </label>
        <button id="phrase-add" type="submit">{t('optPhraseAdd')}</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      <TryIt phrases={phrases} />
    </section>
  );
}
