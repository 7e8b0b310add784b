/**
 * The {@code tribuo-head} strategy: feature extraction with a classical head, a Tribuo classifier trained on the
 * frozen source network's embeddings of the target.
 */
package org.transferlab.transfer.head;
