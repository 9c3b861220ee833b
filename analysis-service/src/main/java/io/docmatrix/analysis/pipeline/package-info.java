/**
 * The analysis pipeline: stages each document version's chunks from the chunk and lifecycle streams, queues an
 * analysis once a version is complete, runs the agents on worker threads off a database queue, stores the results and
 * publishes them through the outbox. Also serves the analysis and comparison API.
 */
@NullMarked
package io.docmatrix.analysis.pipeline;

import org.jspecify.annotations.NullMarked;
