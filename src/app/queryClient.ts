import { QueryClient } from "@tanstack/react-query";

/** Whether an error says the API could not be reached (or failed on its side) rather than refused. */
const unreachable = (error: unknown) => {
  const e = error as { kind?: string; status?: number } | null;
  return e?.kind === "network" || (e?.status !== undefined && e.status >= 500);
};

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // A 4xx will not get better by asking again; network blips and 5xx may.
        retry: (failureCount, error) => {
          const status = (error as { status?: number }).status;
          if (status !== undefined && status >= 400 && status < 500) return false;
          return failureCount < 2;
        },
        refetchOnWindowFocus: false,
        // A query that failed because the API was away asks again every few seconds, so a page
        // whose every section failed still notices when the API is back.
        refetchInterval: (q) =>
          q.state.status === "error" && unreachable(q.state.error) ? 5_000 : false,
      },
    },
  });
  // When the API comes back, every section that failed because it was away recovers by itself:
  // the first answer that succeeds after an outage refetches the queries left in that error
  // (the project's state is polled, so there is always a first answer to notice).
  let outage = false;
  client.getQueryCache().subscribe((event) => {
    if (event.type !== "updated") return;
    const { status, error } = event.query.state;
    if (status === "error" && unreachable(error)) outage = true;
    else if (status === "success" && outage && event.action.type === "success") {
      outage = false;
      void client.refetchQueries({
        predicate: (q) => q.state.status === "error" && unreachable(q.state.error),
      });
    }
  });
  return client;
}
