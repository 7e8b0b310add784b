package org.transferlab.core.seed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Derives independent, reproducible seeds from a base seed and a path of names, so that each use of
 * randomness (the source network's initialisation, a budget draw, a head's initialisation) has its
 * own stream and adding a strategy or a budget to a grid changes no other draw.
 */
public final class Seeds {
    private Seeds() {
    }

    /** The first 63 bits of SHA-256 over the base seed and the parts; never negative. */
    public static long derive(long base, Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(base).array());
            for (Object part : parts) {
                sha.update((byte) 0x1f);
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            }
            return ByteBuffer.wrap(sha.digest()).getLong() & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
