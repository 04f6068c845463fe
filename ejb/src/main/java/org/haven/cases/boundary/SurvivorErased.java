package org.haven.cases.boundary;

import org.haven.cases.entity.SurvivorCase;

/**
 * A survivor's data was erased (crypto-shredding): each feature that wrote something about the
 * survivor forgets it, in the erasure's transaction, before the data key is destroyed.
 */
public record SurvivorErased(SurvivorCase survivorCase) {}
