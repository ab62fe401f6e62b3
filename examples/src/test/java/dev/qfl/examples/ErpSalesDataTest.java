package dev.qfl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The checked-in ERP example file is what its generator writes. */
class ErpSalesDataTest {
    @Test
    void checkedInFileMatchesTheGenerator() throws IOException {
        String onDisk = Files.readString(ExamplesTest.examplesDir().resolve("data/erp_sales.csv"), StandardCharsets.UTF_8);
        assertEquals(ErpSalesData.generate(), onDisk,
                "regenerate with ErpSalesData.main(\"examples/data\") instead of editing the file");
    }
}
