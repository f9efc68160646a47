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

/** "http://127.0.0.1:2379" -> "127.0.0.1:2379" */
export function hostPort(url: string): string {
  return url.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
}
