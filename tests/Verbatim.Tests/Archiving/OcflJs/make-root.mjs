// Makes an OCFL storage root with ocfl-js (@ocfl/ocfl-fs), as another institution's tool would:
// node make-root.mjs ROOT LAYOUT FILE...; each file an object of its own ("letter-N"), in two
// versions (the second adds a note beside the file).
import ocfl from '@ocfl/ocfl-fs';
import fs from 'node:fs';
import path from 'node:path';
const [root, layout, ...files] = process.argv.slice(2);
const storage = ocfl.storage({ root, layout });
await storage.create();
for (const [i, file] of files.entries()) {
  const object = storage.object(`letter-${i}`);
  await object.update(async (t) => { await t.write(`letter/${path.basename(file)}`, fs.readFileSync(file)); });
  await object.update(async (t) => { await t.write('NOTE.txt', 'added in version 2'); });
}
