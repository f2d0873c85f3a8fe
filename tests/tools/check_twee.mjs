// Parses Twee files with extwee (an independent Twine toolkit) and checks what Twine tools
// need: a title, an IFID, a start passage that exists, and every link pointing at a passage.
// Usage: node check_twee.mjs FILE.twee...
import { readFileSync } from 'node:fs';
import { parseTwee, compileTwine2ArchiveHTML } from 'extwee';

let failed = false;
for (const file of process.argv.slice(2)) {
    const problems = [];
    let story;
    try {
        story = parseTwee(readFileSync(file, 'utf8'));
    } catch (error) {
        problems.push(`extwee cannot parse it: ${error.message}`);
    }
    if (story) {
        const names = new Set(story.passages.map((p) => p.name));
        if (!story.name) problems.push('no story title');
        if (!/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/.test(story.IFID)) problems.push(`bad IFID ${story.IFID}`);
        if (!names.has(story.start)) problems.push(`start passage '${story.start}' is missing`);
        for (const passage of story.passages) {
            for (const [, inside] of passage.text.matchAll(/\[\[(.*?)\]\]/g)) {
                const target = inside.includes('|') ? inside.slice(inside.lastIndexOf('|') + 1)
                    : inside.includes('->') ? inside.slice(inside.lastIndexOf('->') + 2)
                    : inside.includes('<-') ? inside.slice(0, inside.indexOf('<-')) : inside;
                if (!names.has(target.trim())) problems.push(`passage '${passage.name}' links to missing '${target}'`);
            }
        }
        try {
            compileTwine2ArchiveHTML([story]);
        } catch (error) {
            problems.push(`extwee cannot write it as a Twine 2 archive: ${error.message}`);
        }
    }
    if (problems.length) {
        failed = true;
        console.log(`REJECTED ${file}:\n  ${problems.join('\n  ')}`);
    } else {
        console.log(`accepted ${file}: ${story.passages.length} passages, start '${story.start}'`);
    }
}
process.exit(failed ? 1 : 0);
