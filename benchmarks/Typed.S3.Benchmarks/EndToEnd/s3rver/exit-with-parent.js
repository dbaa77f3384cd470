// Loaded with `node --require` before s3rver: the server exits once the process that started it is gone, so a
// benchmark process that crashed or was killed before its cleanup never leaves a server behind.
'use strict';
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    process.exit(0);
  }
}, 1000).unref();
