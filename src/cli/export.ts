import fs from 'node:fs';
import { EXIT_USAGE, openCommandGraph, runCommand } from './bootstrap';

/** `npm run export -- <file.json>`: the whole graph in the import format. */
async function main(target: string | undefined): Promise<number> {
  if (!target) {
    console.error('usage: npm run export -- <file.json>');
    return EXIT_USAGE;
  }
  const graph = await openCommandGraph();
  try {
    const document = await graph.services.exports.exportGraph();
    fs.writeFileSync(target, `${JSON.stringify(document, null, 1)}\n`);
    console.log(
      JSON.stringify({ file: target, enterprises: document.enterprises.length, links: document.links.length }),
    );
    return 0;
  } finally {
    await graph.close();
  }
}

runCommand(() => main(process.argv[2]));
