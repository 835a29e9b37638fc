// --media FILE|DIR|URL…: the user's own pictures, checked before anything is read or synthesized. A file must be
// a picture we can use, a folder gives its pictures in name order, a URL is fetched after synthesis (a failure
// there is a warning, as for the page's pictures). N=FILE pins one picture to section N.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describeImage } from '../article/image-type.ts';
import { UserError } from '../errors.ts';
import type { UserPicture } from '../contract/pipeline.ts';

const PICTURE_FILE = /\.(jpe?g|png|webp|gif)$/i;
/** Far over any photograph; a larger file is a mistake (a video, an archive), not a picture. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function addMediaOption(command: Command): Command {
  return command.option(
    '--media <file|dir|url...>',
    'your own pictures (JPEG, PNG, WebP, GIF): files, folders, URLs; N=FILE shows one on section N (0 is the title). ' +
      "Without N they replace the page's pictures, spread over the sections in order; repeatable",
  );
}

function checkedFile(file: string, given: string): void {
  const fix = 'Give a JPEG, PNG, WebP or GIF file, a folder of them, or an http(s) URL';
  const size = statSync(file).size;
  if (size > MAX_FILE_BYTES) throw new UserError(`--media ${given}: ${file} is ${Math.round(size / 1024 / 1024)} MB, not a picture`, fix);
  const described = describeImage(readFileSync(file));
  if (typeof described === 'string') throw new UserError(`--media ${given}: ${file} cannot be used, ${described}`, fix);
}

function picturesOf(value: string): UserPicture[] {
  const pinned = /^(\d+)=(.+)$/s.exec(value);
  const source = pinned ? pinned[2]! : value;
  const section = pinned ? Number(pinned[1]) : null;
  if (/^https?:\/\//i.test(source)) {
    if (!URL.canParse(source)) throw new UserError(`--media ${value}: "${source}" is not a valid URL`, 'Check the address');
    return [{ source, section }];
  }
  const stat = statSync(source, { throwIfNoEntry: false });
  if (!stat) {
    throw new UserError(
      `--media ${value}: "${source}" is neither an existing file or folder nor an http(s) URL`,
      'Check the path, or give the full URL (N=FILE pins a picture to section N)',
    );
  }
  if (stat.isDirectory()) {
    if (pinned) throw new UserError(`--media ${value}: a section shows one picture, and ${source} is a folder`, `Name one file: ${pinned[1]}=FILE`);
    const files = readdirSync(source)
      .filter((name) => PICTURE_FILE.test(name))
      .sort()
      .map((name) => path.join(source, name));
    if (files.length === 0)
      throw new UserError(`--media ${value}: the folder holds no .jpg, .png, .webp or .gif file`, 'Put the pictures in it, or name them');
    for (const file of files) checkedFile(file, value);
    return files.map((file) => ({ source: path.resolve(file), section: null }));
  }
  checkedFile(source, value);
  return [{ source: path.resolve(source), section }];
}

/** The --media values as pictures in order, each checked; a bad one is a UserError naming it. */
export function checkedMedia(values: readonly string[] | undefined): UserPicture[] {
  return (values ?? []).flatMap(picturesOf);
}
