/**
 * Cluster: what one node must tell the others when it changes something they keep in memory. A tenant's knowledge
 * index and triage model live in each node's memory and are built from the database; after an edit, the node that
 * made it updates its own copy and {@link io.oriole.cluster.ClusterChanges#announce announces} the change, and every
 * other node receives it as a {@link io.oriole.cluster.RemoteChange} application event and updates its copy from the
 * database. With one node (the default) announcing does nothing; with {@code oriole.redis.url} set the nodes share
 * a Redis pub/sub channel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cluster")
package io.oriole.cluster;
