// Hugging Face's Rust tokenizer (npm "tokenizers") over documents in a folder, for ReferenceTokenizer.
// usage: node reference_tokenizer.js MODULE TOKENIZER_JSON FOLDER COUNT (ids|bench)
//   ids:   encodes 0.txt .. COUNT-1.txt one `encode` call each (addSpecialTokens false) and writes FOLDER/ids.bin:
//          per document an int32 count, then its ids (little-endian).
//   bench: the same, timed after one unmeasured warm-up pass, then one `encodeBatch` over all documents, timed;
//          prints {"singleMs":…, "batchMs":…} and writes ids.bin from the single calls.
'use strict';
const fs = require('fs');
const path = require('path');
const [moduleDir, tokenizerPath, folder, countText, mode] = process.argv.slice(2);
const { Tokenizer } = require(moduleDir);

async function encodeAll(tokenizer, documents) {
  const all = [];
  for (const text of documents) {
    const encoding = await tokenizer.encode(text, null, { addSpecialTokens: false });
    all.push(encoding.getIds());
  }
  return all;
}

async function main() {
  const tokenizer = Tokenizer.fromFile(tokenizerPath);
  const documents = [];
  for (let i = 0; i < Number(countText); i++) documents.push(fs.readFileSync(path.join(folder, `${i}.txt`), 'utf8'));
  let result = {};
  let all;
  if (mode === 'bench') {
    await encodeAll(tokenizer, documents);
    let start = process.hrtime.bigint();
    all = await encodeAll(tokenizer, documents);
    result.singleMs = Number(process.hrtime.bigint() - start) / 1e6;
    start = process.hrtime.bigint();
    await tokenizer.encodeBatch(documents, { addSpecialTokens: false });
    result.batchMs = Number(process.hrtime.bigint() - start) / 1e6;
  } else {
    all = await encodeAll(tokenizer, documents);
  }
  const total = all.reduce((sum, ids) => sum + 1 + ids.length, 0);
  const buffer = Buffer.alloc(total * 4);
  let offset = 0;
  for (const ids of all) {
    buffer.writeInt32LE(ids.length, offset);
    offset += 4;
    for (const id of ids) {
      buffer.writeInt32LE(id, offset);
      offset += 4;
    }
  }
  fs.writeFileSync(path.join(folder, 'ids.bin'), buffer);
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch(error => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
