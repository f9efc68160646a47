// Cluster topologies. The default is the one the conformance transcripts were recorded on.

export interface MemberSpec {
  name: string;
  clientUrls: string[];
  peerUrls: string[];
}

export interface Topology {
  clusterToken: string;
  members: MemberSpec[];
}

export const DEFAULT_TOPOLOGY: Topology = {
  clusterToken: 'etcd-cluster-1',
  members: [
    { name: 'infra1', clientUrls: ['http://127.0.0.1:2379'], peerUrls: ['http://127.0.0.1:2380'] },
    { name: 'infra2', clientUrls: ['http://127.0.0.1:22379'], peerUrls: ['http://127.0.0.1:22380'] },
    { name: 'infra3', clientUrls: ['http://127.0.0.1:32379'], peerUrls: ['http://127.0.0.1:32380'] },
  ],
};

/** A cluster of n members named infra1..n on 127.0.0.1 (the default topology's ports, then 42379, 52379, ...). */
export function localTopology(n: number, clusterToken = DEFAULT_TOPOLOGY.clusterToken): Topology {
  // infra1: 2379, infra2: 22379, infra3: 32379, infra4: 42379, ...
  const port = (i: number) => (i === 0 ? 2379 : (i + 1) * 10000 + 2379);
  return {
    clusterToken,
    members: Array.from({ length: n }, (_, i) => ({
      name: `infra${i + 1}`,
      clientUrls: [`http://127.0.0.1:${port(i)}`],
      peerUrls: [`http://127.0.0.1:${port(i) + 1}`],
    })),
  };
}

/** "http://127.0.0.1:2379" -> "127.0.0.1:2379" */
export function hostPort(url: string): string {
  return url.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
}
