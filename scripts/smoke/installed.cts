// The installed package's declarations for require (servex.d.cts), under tsc --strict.
import servex = require("servex");

const report: servex.Report = servex.score(servex.sample());
const level: number = report.level_attained;
console.log(level);
