// Review after narration, before rendering: the editor watches the composition, corrects sentences, says a word
// differently, retitles, changes a section's picture or the style, and approves or rejects. Every change goes to
// the server as one ReviewEdit against the revision on screen, so an edit made elsewhere meanwhile is refused.
import { useEffect, useState } from 'react';
import type { Narration } from '../../contract/narration.ts';
import type { ReviewEdit, StyleEdit } from '../../contract/review.ts';
import type { VideoFormat } from '../../contract/video.ts';
import { besideNarration, loadNarration } from '../../../remotion/NewsVideo/load-narration.ts';
import { NEWS_VIDEO_DEFAULTS } from '../../../remotion/NewsVideo/schema.ts';
import { approveJob, editJob, narrationUrl, rejectJob } from './api.ts';
import type { DeskJob } from '../../contract/desk.ts';
import { JobStatusLine } from './JobStatus.tsx';
import { Preview } from './Preview.tsx';
import { go } from './route.ts';
import { useLiveJob } from './use-jobs.ts';

export const ReviewPage: React.FC<{ id: string }> = ({ id }) => {
  const { job, error, replace } = useLiveJob(id);
  const src = job ? narrationUrl(job) : null;
  // The narration with the address it came from: the form is built only for the revision on screen, never for the
  // previous one while the new one loads.
  const [loaded, setLoaded] = useState<{ src: string; narration: Narration } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Kept here, not in the form: a saved edit is a new revision, whose form is a fresh one.
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => {
    if (src === null) return;
    let current = true;
    loadNarration(src).then(
      (narration) => current && setLoaded({ src, narration }),
      (failure: Error) => current && setLoadError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [src]);

  if (error) return <p className="error">{error}</p>;
  if (!job) return <p className="muted">Loading the job…</p>;
  return (
    <section>
      <h1>Review: {job.title}</h1>
      <JobStatusLine job={job} />
      {loadError && <p className="error">{loadError}</p>}
      {loaded && loaded.src === src ? (
        <ReviewForm key={src} job={job} narration={loaded.narration} narrationSrc={src} onJob={replace} outcome={outcome} onOutcome={setOutcome} />
      ) : (
        !loadError && <p className="muted">The narration appears here once the job is narrated.</p>
      )}
    </section>
  );
};

/** What the editor's last action came to: saved (with what it synthesized again) or refused. */
type Outcome = { saved: string } | { refused: string };

interface Lexicon {
  written: string;
  said: string;
  saidAs: 'respelling' | 'phonemes';
  caseSensitive: boolean;
}
const NO_LEXICON: Lexicon = { written: '', said: '', saidAs: 'respelling', caseSensitive: false };

type LexiconEdit = NonNullable<ReviewEdit['lexicon']>[number];

function lexiconEdit({ written, said, saidAs, caseSensitive }: Lexicon): LexiconEdit {
  return { written, caseSensitive, [saidAs]: said };
}

const ReviewForm: React.FC<{
  job: DeskJob;
  narration: Narration;
  narrationSrc: string;
  onJob: (job: DeskJob) => void;
  outcome: Outcome | null;
  onOutcome: (outcome: Outcome | null) => void;
}> = ({ job, narration, narrationSrc, onJob, outcome, onOutcome }) => {
  const [format, setFormat] = useState<VideoFormat>(job.formats[0] ?? 'vertical');
  const [sentences, setSentences] = useState(() => narration.sentences.map((sentence) => sentence.text));
  const [title, setTitle] = useState(narration.article?.title ?? '');
  const [lexicon, setLexicon] = useState<Lexicon>(NO_LEXICON);
  const [sectionMedia, setSectionMedia] = useState(() => narration.sections.map((section) => section.media));
  // The style the desk saved for this job, so the Player shows what the render will use; the edit sends only the changes.
  const [style, setStyle] = useState<StyleEdit>(job.style);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const editable = job.state === 'awaitingReview';

  const changedStyle = styleChanges(job.style, style);
  const edit: ReviewEdit = {
    revision: job.revision,
    ...optional(
      'sentences',
      sentences.flatMap((text, sentence) => (text !== narration.sentences[sentence]!.text ? [{ sentence, text }] : [])),
    ),
    ...optional('lexicon', lexicon.written && lexicon.said ? [lexiconEdit(lexicon)] : []),
    ...(narration.article && title !== narration.article.title ? { title } : {}),
    ...optional(
      'sectionMedia',
      sectionMedia.flatMap((media, section) => (media !== narration.sections[section]!.media ? [{ section, media }] : [])),
    ),
    ...(Object.keys(changedStyle).length > 0 ? { style: changedStyle } : {}),
  };
  const changes = Object.keys(edit).length - 1;

  const act = (action: () => Promise<unknown>) => {
    setBusy(true);
    onOutcome(null);
    action()
      .catch((failure: Error) => onOutcome({ refused: failure.message }))
      .finally(() => setBusy(false));
  };
  const save = () =>
    act(async () => {
      const { job: changed, resynthesis } = await editJob(job.id, edit);
      onOutcome({ saved: `Saved: ${resynthesis.passesSynthesized} pass(es) synthesized again, ${resynthesis.passesReused} reused.` });
      onJob(changed);
    });
  const approve = () => act(async () => onJob(await approveJob(job.id, job.revision)));
  const reject = () =>
    act(async () => {
      onJob(await rejectJob(job.id, job.revision, reason));
      go({ page: 'jobs' });
    });

  return (
    <div className="review">
      <div className="review-preview">
        <div className="choice">
          {job.formats.map((option) => (
            <label key={option}>
              <input type="radio" checked={format === option} onChange={() => setFormat(option)} /> {option}
            </label>
          ))}
        </div>
        <Preview narration={narration} props={{ ...NEWS_VIDEO_DEFAULTS, ...style, narrationSrc, format }} />
        <div className="actions">
          <button type="button" data-testid="approve" disabled={!editable || busy || changes > 0} onClick={approve}>
            Approve and render
          </button>
          <input placeholder="why (optional)" value={reason} onChange={(event) => setReason(event.target.value)} />
          <button type="button" data-testid="reject" disabled={!editable || busy} onClick={reject}>
            Reject
          </button>
        </div>
        {changes > 0 && <p className="muted">Save or undo the corrections before approving.</p>}
        {outcome && 'saved' in outcome && (
          <p className="note" data-testid="edit-result">
            {outcome.saved}
          </p>
        )}
        {outcome && 'refused' in outcome && (
          <p className="error" data-testid="review-error">
            {outcome.refused}
          </p>
        )}
      </div>
      <div className="review-edits">
        {narration.article && (
          <label>
            Title <input data-testid="title" value={title} disabled={!editable} onChange={(event) => setTitle(event.target.value)} />
          </label>
        )}
        <h2>Sentences</h2>
        <ol className="sentences">
          {sentences.map((text, sentence) => (
            <li key={narration.sentences[sentence]!.charStart} className={text !== narration.sentences[sentence]!.text ? 'changed' : ''}>
              <textarea
                data-testid={`sentence-${sentence}`}
                rows={2}
                value={text}
                disabled={!editable}
                onChange={(event) => setSentences((all) => all.map((old, at) => (at === sentence ? event.target.value : old)))}
              />
            </li>
          ))}
        </ol>
        <h2>How a word is said</h2>
        <div className="lexicon">
          <input
            data-testid="lexicon-written"
            placeholder="written"
            value={lexicon.written}
            disabled={!editable}
            onChange={(event) => setLexicon({ ...lexicon, written: event.target.value })}
          />
          <select
            value={lexicon.saidAs}
            disabled={!editable}
            onChange={(event) => setLexicon({ ...lexicon, saidAs: event.target.value as Lexicon['saidAs'] })}
          >
            <option value="respelling">said as</option>
            <option value="phonemes">phonemes</option>
          </select>
          <input
            data-testid="lexicon-said"
            placeholder="róiters"
            value={lexicon.said}
            disabled={!editable}
            onChange={(event) => setLexicon({ ...lexicon, said: event.target.value })}
          />
          <label className="inline">
            <input
              type="checkbox"
              checked={lexicon.caseSensitive}
              disabled={!editable}
              onChange={(event) => setLexicon({ ...lexicon, caseSensitive: event.target.checked })}
            />{' '}
            case
          </label>
        </div>
        {narration.media.length > 0 && (
          <>
            <h2>Pictures</h2>
            <ol className="sections">
              {narration.sections.map((section, at) => (
                <li key={section.charStart}>
                  <span className="muted">{section.text.slice(0, 60)}…</span>
                  <select
                    data-testid={`section-media-${at}`}
                    value={sectionMedia[at] ?? ''}
                    disabled={!editable}
                    onChange={(event) =>
                      setSectionMedia((all) =>
                        all.map((old, index) => (index === at ? (event.target.value === '' ? null : Number(event.target.value)) : old)),
                      )
                    }
                  >
                    <option value="">no picture</option>
                    {narration.media.map((media, index) => (
                      <option key={media.file} value={index}>
                        picture {index + 1}
                        {media.caption ? `: ${media.caption.slice(0, 40)}` : ''}
                      </option>
                    ))}
                  </select>
                  {sectionMedia[at] != null && (
                    <img className="media-thumb" alt="" src={besideNarration(narration.media[sectionMedia[at]!]!.file, narrationSrc)} />
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
        <h2>Style</h2>
        <div className="style">
          <label>
            Highlight{' '}
            <input
              type="color"
              value={style.highlightColor ?? NEWS_VIDEO_DEFAULTS.highlightColor}
              disabled={!editable}
              onChange={(event) => setStyle({ ...style, highlightColor: event.target.value })}
            />
          </label>
          <label>
            Subtitle size{' '}
            <input
              type="number"
              min={24}
              max={120}
              value={style.fontSize ?? NEWS_VIDEO_DEFAULTS.fontSize}
              disabled={!editable}
              onChange={(event) => setStyle({ ...style, fontSize: Number(event.target.value) })}
            />
          </label>
          <label>
            Subtitles at{' '}
            <select
              value={style.subtitlePosition ?? NEWS_VIDEO_DEFAULTS.subtitlePosition}
              disabled={!editable}
              onChange={(event) => setStyle({ ...style, subtitlePosition: event.target.value as StyleEdit['subtitlePosition'] })}
            >
              <option value="bottom">bottom</option>
              <option value="middle">middle</option>
              <option value="top">top</option>
            </select>
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={style.motion ?? NEWS_VIDEO_DEFAULTS.motion}
              disabled={!editable}
              onChange={(event) => setStyle({ ...style, motion: event.target.checked })}
            />{' '}
            motion
          </label>
        </div>
        <button type="button" data-testid="save" disabled={!editable || busy || changes === 0} onClick={save}>
          Save corrections
        </button>
      </div>
    </div>
  );
};

/** The props of `style` that differ from the saved ones. */
function styleChanges(saved: StyleEdit, style: StyleEdit): StyleEdit {
  return Object.fromEntries(Object.entries(style).filter(([prop, value]) => saved[prop as keyof StyleEdit] !== value));
}

/** `{ [key]: list }` when the list has something, else nothing: an edit never names an empty list. */
function optional<Key extends string, Item>(key: Key, list: Item[]): { [K in Key]?: Item[] } {
  return list.length > 0 ? ({ [key]: list } as { [K in Key]: Item[] }) : {};
}
