// The hand-written floor of every stream figure, as the issues define it: fetch + TextDecoder + indexOf("\n\n")
// scanning + JSON.parse, in one synchronous pass over each read. No generator, no promise per event: the least a
// client can do. It assumes what the bench server sends (one `data:` line per event, `\n` line endings), which
// a real client cannot, so it is a floor and not a parser.

const NEWLINE = 10;
const BLANK_LINE = "\n\n";
const DATA = "data: ";

/**
 * Reads `response.body` as SSE and calls `onData(data)` with each event's `data:` text; `onData` returns true
 * to stop (the body is then cancelled). An event longer than one read is kept as a list of pieces and joined
 * once when its blank line arrives, so a 10 MB event costs one scan of its text and one copy.
 */
export async function readFloor(response, onData) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const pieces = []; // the text of the unfinished event, one piece per read
  let pendingEndsInNewline = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error("stream ended before its last event");
    const text = decoder.decode(value, { stream: true });
    let from = 0;
    // A blank line split across two reads: "…\n" then "\n…".
    if (pendingEndsInNewline && text.charCodeAt(0) == NEWLINE) {
      const block = pieces.join("");
      pieces.length = 0;
      from = 1;
      if (handle(block.slice(0, -1), onData)) return void reader.cancel().catch(() => {});
    }
    for (let end = text.indexOf(BLANK_LINE, from); end >= 0; end = text.indexOf(BLANK_LINE, from)) {
      let block = text.slice(from, end);
      if (pieces.length) {
        pieces.push(block);
        block = pieces.join("");
        pieces.length = 0;
      }
      from = end + 2;
      if (handle(block, onData)) return void reader.cancel().catch(() => {});
    }
    if (from < text.length) pieces.push(from ? text.slice(from) : text);
    pendingEndsInNewline = pieces.length > 0 && text.charCodeAt(text.length - 1) == NEWLINE;
  }
}

/** One event's block: its `data:` line is its last (the server's `event:` line, when there is one, comes first). */
const handle = (block, onData) => {
  const at = block.indexOf(DATA);
  return at >= 0 && onData(block.slice(at + DATA.length)) === true;
};
