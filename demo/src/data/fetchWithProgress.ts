/** Reads a response body while reporting the bytes received (the total when the server sends a length). */
export async function readWithProgress(response: Response, onBytes: (loaded: number, total: number | null) => void): Promise<Uint8Array> {
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  if (!response.body) {
    const buffer = new Uint8Array(await response.arrayBuffer());
    onBytes(buffer.byteLength, total ?? buffer.byteLength);
    return buffer;
  }
  return readStream(response.body, total, onBytes);
}

/** Reads a byte stream to the end, reporting progress after each chunk. */
export async function readStream(stream: ReadableStream<Uint8Array>, total: number | null, onBytes: (loaded: number, total: number | null) => void): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onBytes(loaded, total);
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
