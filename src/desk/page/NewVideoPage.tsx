// A new video from a URL, or from a title and pasted text, with the choices a feed's config makes for its items.
import { useEffect, useState } from 'react';
import type { DeskSettings, DeskSubmission } from '../../contract/desk.ts';
import { VIDEO_FORMATS, type VideoFormat } from '../../contract/video.ts';
import { createJob, getSettings } from './api.ts';
import { go } from './route.ts';

type Source = 'url' | 'text';

export const NewVideoPage: React.FC = () => {
  const [source, setSource] = useState<Source>('url');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [formats, setFormats] = useState<VideoFormat[]>(['vertical']);
  const [voice, setVoice] = useState('');
  const [speed, setSpeed] = useState('');
  const [maxSeconds, setMaxSeconds] = useState('');
  const [music, setMusic] = useState(false);
  const [brandName, setBrandName] = useState('');
  const [review, setReview] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // The desk's own choices: its voices, and whether its config names a music bed.
  const [settings, setSettings] = useState<DeskSettings | null>(null);
  useEffect(() => {
    getSettings().then(setSettings, (failure: Error) => setError(failure.message));
  }, []);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    // Left empty, a choice takes the desk's configured default, so the page sends only what the editor set.
    const options = {
      formats,
      ...(voice ? { voice } : {}),
      ...(speed ? { speed: Number(speed) } : {}),
      ...(maxSeconds ? { maxSeconds: Number(maxSeconds) } : {}),
      music,
      ...(brandName ? { brand: { brandName } } : {}),
      review,
    };
    const submission: DeskSubmission = source === 'url' ? { url, ...options } : { title, text, ...options };
    setSending(true);
    createJob(submission).then(
      (job) => go({ page: 'review', id: job.id }),
      (failure: Error) => {
        setError(failure.message);
        setSending(false);
      },
    );
  };
  const toggleFormat = (format: VideoFormat) =>
    setFormats((chosen) => (chosen.includes(format) ? chosen.filter((other) => other !== format) : [...chosen, format]));

  return (
    <section>
      <h1>New video</h1>
      <form onSubmit={submit} className="form">
        <fieldset className="choice">
          <label>
            <input type="radio" checked={source === 'url'} onChange={() => setSource('url')} /> Article URL
          </label>
          <label>
            <input type="radio" checked={source === 'text'} onChange={() => setSource('text')} /> Title and text
          </label>
        </fieldset>
        {source === 'url' ? (
          <label>
            URL <input name="url" type="url" required value={url} onChange={(event) => setUrl(event.target.value)} />
          </label>
        ) : (
          <>
            <label>
              Title <input name="title" required value={title} onChange={(event) => setTitle(event.target.value)} />
            </label>
            <label>
              Text <textarea name="text" required rows={10} value={text} onChange={(event) => setText(event.target.value)} />
            </label>
          </>
        )}
        <fieldset className="choice">
          <legend>Formats</legend>
          {VIDEO_FORMATS.map((format) => (
            <label key={format}>
              <input type="checkbox" name={`format-${format}`} checked={formats.includes(format)} onChange={() => toggleFormat(format)} /> {format}
            </label>
          ))}
        </fieldset>
        <label>
          Voice{' '}
          <select name="voice" value={voice} onChange={(event) => setVoice(event.target.value)}>
            <option value="">the language's default</option>
            {settings?.voices.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Speed{' '}
          <input
            name="speed"
            type="number"
            min={0.5}
            max={2}
            step={0.05}
            placeholder="1"
            value={speed}
            onChange={(event) => setSpeed(event.target.value)}
          />
        </label>
        <label>
          Target length (s){' '}
          <input
            name="maxSeconds"
            type="number"
            min={5}
            step={1}
            placeholder="whole article"
            value={maxSeconds}
            onChange={(event) => setMaxSeconds(event.target.value)}
          />
        </label>
        <label>
          Brand name{' '}
          <input name="brandName" placeholder="the desk's brand" value={brandName} onChange={(event) => setBrandName(event.target.value)} />
        </label>
        <label className="inline">
          <input
            name="music"
            type="checkbox"
            checked={music}
            disabled={settings?.music === false}
            onChange={(event) => setMusic(event.target.checked)}
          />{' '}
          Music bed{settings?.music === false ? ' (the desk’s config names none)' : ''}
        </label>
        <label className="inline">
          <input name="review" type="checkbox" checked={review} onChange={(event) => setReview(event.target.checked)} /> Review before rendering
        </label>
        {error && (
          <p className="error" data-testid="form-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={sending || formats.length === 0}>
          Make the video
        </button>
      </form>
    </section>
  );
};
