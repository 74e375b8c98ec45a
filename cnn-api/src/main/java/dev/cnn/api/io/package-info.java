/**
 * The model file's container: a bounded archive of named float arrays and a JSON description, each checked by
 * SHA-256, read without trusting any size the file declares.
 */
package dev.cnn.api.io;
