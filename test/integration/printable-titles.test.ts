import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { it } from 'node:test';

// A feed title carrying a terminal escape and a line break, logged through the scheduler's real log sink in a child
// process, must come out as one line with no control character.
it('logs a hostile feed title as one line with no control characters', () => {
  const title = 'Noticia\u001b]0;owned\u0007\u001b[2J\nFAKE: job 9 done';
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { logLine } from './src/schedule/log-line.ts'; logLine('queued: ' + ${JSON.stringify(title)});`,
    ],
    { encoding: 'utf8' },
  );
  assert.equal(child.status, 0, child.stderr);
  const lines = child.stderr.split('\n').filter((line) => line !== '');
  assert.equal(lines.length, 1, child.stderr);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
  assert.doesNotMatch(lines[0]!, /[\u0000-\u001f\u007f-\u009f]/);
  assert.match(lines[0]!, /queued: Noticia.*FAKE: job 9 done$/);
});
