package org.reprogram.workbench.repro;

import java.util.List;
import org.reprogram.workbench.core.FourChannelGradientTest;
import org.reprogram.workbench.core.model.SourceModel;

/**
 * Minimal reproduction: input gradients of a traced TorchScript CNN with 4-channel convolutions
 * ({@code fixtures/torchscript/tiny_cnn4.pt}) through DJL / libtorch, compared with PyTorch's
 * (torch 1.13, checked against float64 when the fixture was made). Exits 1 when any of N passes
 * differs, 0 when all match. On the 2-core build machine (AMD EPYC with AVX-512, libtorch 2.7.1)
 * it exits 1; other machines may not show it. Run:
 * {@code mvn -q test-compile && java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1
 * -cp "target/classes:target/test-classes:target/lib/*" org.reprogram.workbench.repro.TorchScriptGradientRepro}
 */
public final class TorchScriptGradientRepro {

    private TorchScriptGradientRepro() {}

    public static void main(String[] args) throws Exception {
        float[] reference = FourChannelGradientTest.floats(FourChannelGradientTest.reference(), "gradient");
        int wrong = 0;
        int passes;
        try (SourceModel model = FourChannelGradientTest.open()) {
            List<float[][]> all = FourChannelGradientTest.passes(model);
            passes = all.size();
            for (float[][] p : all) {
                wrong += FourChannelGradientTest.matches(reference, p[1]) ? 0 : 1;
            }
        }
        System.out.printf("tiny_cnn4.pt: %d of %d input gradients differ from PyTorch's%n", wrong, passes);
        System.exit(wrong > 0 ? 1 : 0);
    }
}
