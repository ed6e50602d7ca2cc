UNWIND $ids AS id
MATCH (r:ImportRun {id: id})
RETURN r {.id, .actor, .note, .state, .total, .written, .error, .enterprisesCreated, .enterprisesUpdated,
          .linksCreated, .linksUpdated, startedAt: toString(r.startedAt), heartbeatAt: toString(r.heartbeatAt),
          finishedAt: toString(r.finishedAt)} AS run
