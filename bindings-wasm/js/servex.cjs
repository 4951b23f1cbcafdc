// The Node entry of servex for require(): the ES-module entry, loaded synchronously
// (require of an ES module, Node 20.19 and 22.12 on), so both share one instance.
module.exports = require("./servex.node.mjs");
