/**
 * Finite-difference gradient checks of a layer or network against its backward pass, as the tests of every layer use
 * them.
 */
package dev.cnn.api.check;
