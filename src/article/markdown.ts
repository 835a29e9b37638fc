// A local Markdown or plain-text article: the first "# " heading (or the first line of a .txt) is the title,
// blank lines separate paragraphs, and Markdown markup is not read aloud.
export interface PlainArticle {
  title: string;
  paragraphs: string[];
}

function stripMarkup(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/^\s*(?:[-+]|\d+\.)\s+/, '')
    .replace(/^>\s?/, '')
    .trim();
}

export function parsePlainArticle(source: string, markdown: boolean): PlainArticle {
  const blocks = source
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  let title = '';
  const paragraphs: string[] = [];
  for (const block of blocks) {
    const heading = markdown ? /^#{1,6}\s+(.*)$/.exec(block.split('\n')[0]!) : null;
    if (heading && !title) {
      title = stripMarkup(heading[1]!);
      const rest = block.split('\n').slice(1).join(' ').trim();
      if (rest) paragraphs.push(stripMarkup(rest));
      continue;
    }
    const text = (markdown ? block.split('\n').map(stripMarkup).join(' ') : block.replace(/\s*\n\s*/g, ' ')).trim();
    if (text) paragraphs.push(heading ? stripMarkup(heading[1]!) : text);
  }
  if (!title && !markdown && paragraphs.length > 1) title = paragraphs.shift()!;
  return { title, paragraphs };
}

/** The text read aloud: the title first, then the body, a paragraph break between each. */
export function narrationText(article: PlainArticle): string {
  return [article.title, ...article.paragraphs].filter(Boolean).join('\n\n');
}
