/**
 * Networks of layers: {@link dev.cnn.api.network.GraphNetwork}, a directed acyclic graph of named nodes built with
 * {@link dev.cnn.api.network.GraphBuilder} (merges, shared weights, several outputs), of which
 * {@link dev.cnn.api.network.Sequential} is the special case of a chain; forward and backward passes, shape checks at
 * build time, summaries and per-node profiles.
 */
package dev.cnn.api.network;
