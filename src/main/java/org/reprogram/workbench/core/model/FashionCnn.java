package org.reprogram.workbench.core.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The architecture of the built-in source model: three conv-BN-ReLU-pool stages, a 128-unit
 * hidden layer and a linear head. Input [B, C, 32, 32].
 */
public final class FashionCnn {

    private FashionCnn() {}

    public static SequentialBlock build(int numClasses) {
        SequentialBlock net = new SequentialBlock();
        for (int channels : new int[] {16, 32, 64}) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .setFilters(channels).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        net.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(128).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(numClasses).build());
        return net;
    }

    public static String describe() {
        return "CNN: 3 x [conv3x3 (16/32/64) + BatchNorm + ReLU + maxpool2], FC 128 + ReLU, FC 10";
    }
}
