// Removes a failed run once all it staged is discarded: its input was refused, and refused input
// leaves no trace.
MATCH (r:ImportRun {id: $id, state: 'FAILED', discarded: true})
DELETE r
