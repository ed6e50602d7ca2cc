import fs from 'node:fs';
import { connectFromEnvironment } from './bootstrap';

/** `npm run export -- <file.json>`: the whole graph in the import format. */
async function main(target: string | undefined): Promise<number> {
  if (!target) {
    console.error('usage: npm run export -- <file.json>');
    return 2;
  }
  const { services, close } = await connectFromEnvironment();
  try {
    const document = await services.exportGraph();
    fs.writeFileSync(target, `${JSON.stringify(document, null, 1)}\n`);
    console.log(JSON.stringify({ file: target, enterprises: document.enterprises.length, links: document.links.length }));
    return 0;
  } finally {
    await close();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
