// Hostile input: one function with 800 threads, each started, used and
// joined in its own branch of an else-if chain (generated code does this).
// Each thread is a candidate for several checks; per-thread walks of the
// whole function once made this take minutes.
#include <stdexcept>
#include <thread>

int may_throw(int i) { if (i < 0) throw std::runtime_error("neg"); return i; }

void dispatch(int k) {
  if (k == 0) {
    std::thread t0([k] { may_throw(k); });
    may_throw(k + 0);
    t0.join();
  } else if (k == 1) {
    std::thread t1([k] { may_throw(k); });
    may_throw(k + 1);
    t1.join();
  } else if (k == 2) {
    std::thread t2([k] { may_throw(k); });
    may_throw(k + 2);
    t2.join();
  } else if (k == 3) {
    std::thread t3([k] { may_throw(k); });
    may_throw(k + 3);
    t3.join();
  } else if (k == 4) {
    std::thread t4([k] { may_throw(k); });
    may_throw(k + 4);
    t4.join();
  } else if (k == 5) {
    std::thread t5([k] { may_throw(k); });
    may_throw(k + 5);
    t5.join();
  } else if (k == 6) {
    std::thread t6([k] { may_throw(k); });
    may_throw(k + 6);
    t6.join();
  } else if (k == 7) {
    std::thread t7([k] { may_throw(k); });
    may_throw(k + 7);
    t7.join();
  } else if (k == 8) {
    std::thread t8([k] { may_throw(k); });
    may_throw(k + 8);
    t8.join();
  } else if (k == 9) {
    std::thread t9([k] { may_throw(k); });
    may_throw(k + 9);
    t9.join();
  } else if (k == 10) {
    std::thread t10([k] { may_throw(k); });
    may_throw(k + 10);
    t10.join();
  } else if (k == 11) {
    std::thread t11([k] { may_throw(k); });
    may_throw(k + 11);
    t11.join();
  } else if (k == 12) {
    std::thread t12([k] { may_throw(k); });
    may_throw(k + 12);
    t12.join();
  } else if (k == 13) {
    std::thread t13([k] { may_throw(k); });
    may_throw(k + 13);
    t13.join();
  } else if (k == 14) {
    std::thread t14([k] { may_throw(k); });
    may_throw(k + 14);
    t14.join();
  } else if (k == 15) {
    std::thread t15([k] { may_throw(k); });
    may_throw(k + 15);
    t15.join();
  } else if (k == 16) {
    std::thread t16([k] { may_throw(k); });
    may_throw(k + 16);
    t16.join();
  } else if (k == 17) {
    std::thread t17([k] { may_throw(k); });
    may_throw(k + 17);
    t17.join();
  } else if (k == 18) {
    std::thread t18([k] { may_throw(k); });
    may_throw(k + 18);
    t18.join();
  } else if (k == 19) {
    std::thread t19([k] { may_throw(k); });
    may_throw(k + 19);
    t19.join();
  } else if (k == 20) {
    std::thread t20([k] { may_throw(k); });
    may_throw(k + 20);
    t20.join();
  } else if (k == 21) {
    std::thread t21([k] { may_throw(k); });
    may_throw(k + 21);
    t21.join();
  } else if (k == 22) {
    std::thread t22([k] { may_throw(k); });
    may_throw(k + 22);
    t22.join();
  } else if (k == 23) {
    std::thread t23([k] { may_throw(k); });
    may_throw(k + 23);
    t23.join();
  } else if (k == 24) {
    std::thread t24([k] { may_throw(k); });
    may_throw(k + 24);
    t24.join();
  } else if (k == 25) {
    std::thread t25([k] { may_throw(k); });
    may_throw(k + 25);
    t25.join();
  } else if (k == 26) {
    std::thread t26([k] { may_throw(k); });
    may_throw(k + 26);
    t26.join();
  } else if (k == 27) {
    std::thread t27([k] { may_throw(k); });
    may_throw(k + 27);
    t27.join();
  } else if (k == 28) {
    std::thread t28([k] { may_throw(k); });
    may_throw(k + 28);
    t28.join();
  } else if (k == 29) {
    std::thread t29([k] { may_throw(k); });
    may_throw(k + 29);
    t29.join();
  } else if (k == 30) {
    std::thread t30([k] { may_throw(k); });
    may_throw(k + 30);
    t30.join();
  } else if (k == 31) {
    std::thread t31([k] { may_throw(k); });
    may_throw(k + 31);
    t31.join();
  } else if (k == 32) {
    std::thread t32([k] { may_throw(k); });
    may_throw(k + 32);
    t32.join();
  } else if (k == 33) {
    std::thread t33([k] { may_throw(k); });
    may_throw(k + 33);
    t33.join();
  } else if (k == 34) {
    std::thread t34([k] { may_throw(k); });
    may_throw(k + 34);
    t34.join();
  } else if (k == 35) {
    std::thread t35([k] { may_throw(k); });
    may_throw(k + 35);
    t35.join();
  } else if (k == 36) {
    std::thread t36([k] { may_throw(k); });
    may_throw(k + 36);
    t36.join();
  } else if (k == 37) {
    std::thread t37([k] { may_throw(k); });
    may_throw(k + 37);
    t37.join();
  } else if (k == 38) {
    std::thread t38([k] { may_throw(k); });
    may_throw(k + 38);
    t38.join();
  } else if (k == 39) {
    std::thread t39([k] { may_throw(k); });
    may_throw(k + 39);
    t39.join();
  } else if (k == 40) {
    std::thread t40([k] { may_throw(k); });
    may_throw(k + 40);
    t40.join();
  } else if (k == 41) {
    std::thread t41([k] { may_throw(k); });
    may_throw(k + 41);
    t41.join();
  } else if (k == 42) {
    std::thread t42([k] { may_throw(k); });
    may_throw(k + 42);
    t42.join();
  } else if (k == 43) {
    std::thread t43([k] { may_throw(k); });
    may_throw(k + 43);
    t43.join();
  } else if (k == 44) {
    std::thread t44([k] { may_throw(k); });
    may_throw(k + 44);
    t44.join();
  } else if (k == 45) {
    std::thread t45([k] { may_throw(k); });
    may_throw(k + 45);
    t45.join();
  } else if (k == 46) {
    std::thread t46([k] { may_throw(k); });
    may_throw(k + 46);
    t46.join();
  } else if (k == 47) {
    std::thread t47([k] { may_throw(k); });
    may_throw(k + 47);
    t47.join();
  } else if (k == 48) {
    std::thread t48([k] { may_throw(k); });
    may_throw(k + 48);
    t48.join();
  } else if (k == 49) {
    std::thread t49([k] { may_throw(k); });
    may_throw(k + 49);
    t49.join();
  } else if (k == 50) {
    std::thread t50([k] { may_throw(k); });
    may_throw(k + 50);
    t50.join();
  } else if (k == 51) {
    std::thread t51([k] { may_throw(k); });
    may_throw(k + 51);
    t51.join();
  } else if (k == 52) {
    std::thread t52([k] { may_throw(k); });
    may_throw(k + 52);
    t52.join();
  } else if (k == 53) {
    std::thread t53([k] { may_throw(k); });
    may_throw(k + 53);
    t53.join();
  } else if (k == 54) {
    std::thread t54([k] { may_throw(k); });
    may_throw(k + 54);
    t54.join();
  } else if (k == 55) {
    std::thread t55([k] { may_throw(k); });
    may_throw(k + 55);
    t55.join();
  } else if (k == 56) {
    std::thread t56([k] { may_throw(k); });
    may_throw(k + 56);
    t56.join();
  } else if (k == 57) {
    std::thread t57([k] { may_throw(k); });
    may_throw(k + 57);
    t57.join();
  } else if (k == 58) {
    std::thread t58([k] { may_throw(k); });
    may_throw(k + 58);
    t58.join();
  } else if (k == 59) {
    std::thread t59([k] { may_throw(k); });
    may_throw(k + 59);
    t59.join();
  } else if (k == 60) {
    std::thread t60([k] { may_throw(k); });
    may_throw(k + 60);
    t60.join();
  } else if (k == 61) {
    std::thread t61([k] { may_throw(k); });
    may_throw(k + 61);
    t61.join();
  } else if (k == 62) {
    std::thread t62([k] { may_throw(k); });
    may_throw(k + 62);
    t62.join();
  } else if (k == 63) {
    std::thread t63([k] { may_throw(k); });
    may_throw(k + 63);
    t63.join();
  } else if (k == 64) {
    std::thread t64([k] { may_throw(k); });
    may_throw(k + 64);
    t64.join();
  } else if (k == 65) {
    std::thread t65([k] { may_throw(k); });
    may_throw(k + 65);
    t65.join();
  } else if (k == 66) {
    std::thread t66([k] { may_throw(k); });
    may_throw(k + 66);
    t66.join();
  } else if (k == 67) {
    std::thread t67([k] { may_throw(k); });
    may_throw(k + 67);
    t67.join();
  } else if (k == 68) {
    std::thread t68([k] { may_throw(k); });
    may_throw(k + 68);
    t68.join();
  } else if (k == 69) {
    std::thread t69([k] { may_throw(k); });
    may_throw(k + 69);
    t69.join();
  } else if (k == 70) {
    std::thread t70([k] { may_throw(k); });
    may_throw(k + 70);
    t70.join();
  } else if (k == 71) {
    std::thread t71([k] { may_throw(k); });
    may_throw(k + 71);
    t71.join();
  } else if (k == 72) {
    std::thread t72([k] { may_throw(k); });
    may_throw(k + 72);
    t72.join();
  } else if (k == 73) {
    std::thread t73([k] { may_throw(k); });
    may_throw(k + 73);
    t73.join();
  } else if (k == 74) {
    std::thread t74([k] { may_throw(k); });
    may_throw(k + 74);
    t74.join();
  } else if (k == 75) {
    std::thread t75([k] { may_throw(k); });
    may_throw(k + 75);
    t75.join();
  } else if (k == 76) {
    std::thread t76([k] { may_throw(k); });
    may_throw(k + 76);
    t76.join();
  } else if (k == 77) {
    std::thread t77([k] { may_throw(k); });
    may_throw(k + 77);
    t77.join();
  } else if (k == 78) {
    std::thread t78([k] { may_throw(k); });
    may_throw(k + 78);
    t78.join();
  } else if (k == 79) {
    std::thread t79([k] { may_throw(k); });
    may_throw(k + 79);
    t79.join();
  } else if (k == 80) {
    std::thread t80([k] { may_throw(k); });
    may_throw(k + 80);
    t80.join();
  } else if (k == 81) {
    std::thread t81([k] { may_throw(k); });
    may_throw(k + 81);
    t81.join();
  } else if (k == 82) {
    std::thread t82([k] { may_throw(k); });
    may_throw(k + 82);
    t82.join();
  } else if (k == 83) {
    std::thread t83([k] { may_throw(k); });
    may_throw(k + 83);
    t83.join();
  } else if (k == 84) {
    std::thread t84([k] { may_throw(k); });
    may_throw(k + 84);
    t84.join();
  } else if (k == 85) {
    std::thread t85([k] { may_throw(k); });
    may_throw(k + 85);
    t85.join();
  } else if (k == 86) {
    std::thread t86([k] { may_throw(k); });
    may_throw(k + 86);
    t86.join();
  } else if (k == 87) {
    std::thread t87([k] { may_throw(k); });
    may_throw(k + 87);
    t87.join();
  } else if (k == 88) {
    std::thread t88([k] { may_throw(k); });
    may_throw(k + 88);
    t88.join();
  } else if (k == 89) {
    std::thread t89([k] { may_throw(k); });
    may_throw(k + 89);
    t89.join();
  } else if (k == 90) {
    std::thread t90([k] { may_throw(k); });
    may_throw(k + 90);
    t90.join();
  } else if (k == 91) {
    std::thread t91([k] { may_throw(k); });
    may_throw(k + 91);
    t91.join();
  } else if (k == 92) {
    std::thread t92([k] { may_throw(k); });
    may_throw(k + 92);
    t92.join();
  } else if (k == 93) {
    std::thread t93([k] { may_throw(k); });
    may_throw(k + 93);
    t93.join();
  } else if (k == 94) {
    std::thread t94([k] { may_throw(k); });
    may_throw(k + 94);
    t94.join();
  } else if (k == 95) {
    std::thread t95([k] { may_throw(k); });
    may_throw(k + 95);
    t95.join();
  } else if (k == 96) {
    std::thread t96([k] { may_throw(k); });
    may_throw(k + 96);
    t96.join();
  } else if (k == 97) {
    std::thread t97([k] { may_throw(k); });
    may_throw(k + 97);
    t97.join();
  } else if (k == 98) {
    std::thread t98([k] { may_throw(k); });
    may_throw(k + 98);
    t98.join();
  } else if (k == 99) {
    std::thread t99([k] { may_throw(k); });
    may_throw(k + 99);
    t99.join();
  } else if (k == 100) {
    std::thread t100([k] { may_throw(k); });
    may_throw(k + 100);
    t100.join();
  } else if (k == 101) {
    std::thread t101([k] { may_throw(k); });
    may_throw(k + 101);
    t101.join();
  } else if (k == 102) {
    std::thread t102([k] { may_throw(k); });
    may_throw(k + 102);
    t102.join();
  } else if (k == 103) {
    std::thread t103([k] { may_throw(k); });
    may_throw(k + 103);
    t103.join();
  } else if (k == 104) {
    std::thread t104([k] { may_throw(k); });
    may_throw(k + 104);
    t104.join();
  } else if (k == 105) {
    std::thread t105([k] { may_throw(k); });
    may_throw(k + 105);
    t105.join();
  } else if (k == 106) {
    std::thread t106([k] { may_throw(k); });
    may_throw(k + 106);
    t106.join();
  } else if (k == 107) {
    std::thread t107([k] { may_throw(k); });
    may_throw(k + 107);
    t107.join();
  } else if (k == 108) {
    std::thread t108([k] { may_throw(k); });
    may_throw(k + 108);
    t108.join();
  } else if (k == 109) {
    std::thread t109([k] { may_throw(k); });
    may_throw(k + 109);
    t109.join();
  } else if (k == 110) {
    std::thread t110([k] { may_throw(k); });
    may_throw(k + 110);
    t110.join();
  } else if (k == 111) {
    std::thread t111([k] { may_throw(k); });
    may_throw(k + 111);
    t111.join();
  } else if (k == 112) {
    std::thread t112([k] { may_throw(k); });
    may_throw(k + 112);
    t112.join();
  } else if (k == 113) {
    std::thread t113([k] { may_throw(k); });
    may_throw(k + 113);
    t113.join();
  } else if (k == 114) {
    std::thread t114([k] { may_throw(k); });
    may_throw(k + 114);
    t114.join();
  } else if (k == 115) {
    std::thread t115([k] { may_throw(k); });
    may_throw(k + 115);
    t115.join();
  } else if (k == 116) {
    std::thread t116([k] { may_throw(k); });
    may_throw(k + 116);
    t116.join();
  } else if (k == 117) {
    std::thread t117([k] { may_throw(k); });
    may_throw(k + 117);
    t117.join();
  } else if (k == 118) {
    std::thread t118([k] { may_throw(k); });
    may_throw(k + 118);
    t118.join();
  } else if (k == 119) {
    std::thread t119([k] { may_throw(k); });
    may_throw(k + 119);
    t119.join();
  } else if (k == 120) {
    std::thread t120([k] { may_throw(k); });
    may_throw(k + 120);
    t120.join();
  } else if (k == 121) {
    std::thread t121([k] { may_throw(k); });
    may_throw(k + 121);
    t121.join();
  } else if (k == 122) {
    std::thread t122([k] { may_throw(k); });
    may_throw(k + 122);
    t122.join();
  } else if (k == 123) {
    std::thread t123([k] { may_throw(k); });
    may_throw(k + 123);
    t123.join();
  } else if (k == 124) {
    std::thread t124([k] { may_throw(k); });
    may_throw(k + 124);
    t124.join();
  } else if (k == 125) {
    std::thread t125([k] { may_throw(k); });
    may_throw(k + 125);
    t125.join();
  } else if (k == 126) {
    std::thread t126([k] { may_throw(k); });
    may_throw(k + 126);
    t126.join();
  } else if (k == 127) {
    std::thread t127([k] { may_throw(k); });
    may_throw(k + 127);
    t127.join();
  } else if (k == 128) {
    std::thread t128([k] { may_throw(k); });
    may_throw(k + 128);
    t128.join();
  } else if (k == 129) {
    std::thread t129([k] { may_throw(k); });
    may_throw(k + 129);
    t129.join();
  } else if (k == 130) {
    std::thread t130([k] { may_throw(k); });
    may_throw(k + 130);
    t130.join();
  } else if (k == 131) {
    std::thread t131([k] { may_throw(k); });
    may_throw(k + 131);
    t131.join();
  } else if (k == 132) {
    std::thread t132([k] { may_throw(k); });
    may_throw(k + 132);
    t132.join();
  } else if (k == 133) {
    std::thread t133([k] { may_throw(k); });
    may_throw(k + 133);
    t133.join();
  } else if (k == 134) {
    std::thread t134([k] { may_throw(k); });
    may_throw(k + 134);
    t134.join();
  } else if (k == 135) {
    std::thread t135([k] { may_throw(k); });
    may_throw(k + 135);
    t135.join();
  } else if (k == 136) {
    std::thread t136([k] { may_throw(k); });
    may_throw(k + 136);
    t136.join();
  } else if (k == 137) {
    std::thread t137([k] { may_throw(k); });
    may_throw(k + 137);
    t137.join();
  } else if (k == 138) {
    std::thread t138([k] { may_throw(k); });
    may_throw(k + 138);
    t138.join();
  } else if (k == 139) {
    std::thread t139([k] { may_throw(k); });
    may_throw(k + 139);
    t139.join();
  } else if (k == 140) {
    std::thread t140([k] { may_throw(k); });
    may_throw(k + 140);
    t140.join();
  } else if (k == 141) {
    std::thread t141([k] { may_throw(k); });
    may_throw(k + 141);
    t141.join();
  } else if (k == 142) {
    std::thread t142([k] { may_throw(k); });
    may_throw(k + 142);
    t142.join();
  } else if (k == 143) {
    std::thread t143([k] { may_throw(k); });
    may_throw(k + 143);
    t143.join();
  } else if (k == 144) {
    std::thread t144([k] { may_throw(k); });
    may_throw(k + 144);
    t144.join();
  } else if (k == 145) {
    std::thread t145([k] { may_throw(k); });
    may_throw(k + 145);
    t145.join();
  } else if (k == 146) {
    std::thread t146([k] { may_throw(k); });
    may_throw(k + 146);
    t146.join();
  } else if (k == 147) {
    std::thread t147([k] { may_throw(k); });
    may_throw(k + 147);
    t147.join();
  } else if (k == 148) {
    std::thread t148([k] { may_throw(k); });
    may_throw(k + 148);
    t148.join();
  } else if (k == 149) {
    std::thread t149([k] { may_throw(k); });
    may_throw(k + 149);
    t149.join();
  } else if (k == 150) {
    std::thread t150([k] { may_throw(k); });
    may_throw(k + 150);
    t150.join();
  } else if (k == 151) {
    std::thread t151([k] { may_throw(k); });
    may_throw(k + 151);
    t151.join();
  } else if (k == 152) {
    std::thread t152([k] { may_throw(k); });
    may_throw(k + 152);
    t152.join();
  } else if (k == 153) {
    std::thread t153([k] { may_throw(k); });
    may_throw(k + 153);
    t153.join();
  } else if (k == 154) {
    std::thread t154([k] { may_throw(k); });
    may_throw(k + 154);
    t154.join();
  } else if (k == 155) {
    std::thread t155([k] { may_throw(k); });
    may_throw(k + 155);
    t155.join();
  } else if (k == 156) {
    std::thread t156([k] { may_throw(k); });
    may_throw(k + 156);
    t156.join();
  } else if (k == 157) {
    std::thread t157([k] { may_throw(k); });
    may_throw(k + 157);
    t157.join();
  } else if (k == 158) {
    std::thread t158([k] { may_throw(k); });
    may_throw(k + 158);
    t158.join();
  } else if (k == 159) {
    std::thread t159([k] { may_throw(k); });
    may_throw(k + 159);
    t159.join();
  } else if (k == 160) {
    std::thread t160([k] { may_throw(k); });
    may_throw(k + 160);
    t160.join();
  } else if (k == 161) {
    std::thread t161([k] { may_throw(k); });
    may_throw(k + 161);
    t161.join();
  } else if (k == 162) {
    std::thread t162([k] { may_throw(k); });
    may_throw(k + 162);
    t162.join();
  } else if (k == 163) {
    std::thread t163([k] { may_throw(k); });
    may_throw(k + 163);
    t163.join();
  } else if (k == 164) {
    std::thread t164([k] { may_throw(k); });
    may_throw(k + 164);
    t164.join();
  } else if (k == 165) {
    std::thread t165([k] { may_throw(k); });
    may_throw(k + 165);
    t165.join();
  } else if (k == 166) {
    std::thread t166([k] { may_throw(k); });
    may_throw(k + 166);
    t166.join();
  } else if (k == 167) {
    std::thread t167([k] { may_throw(k); });
    may_throw(k + 167);
    t167.join();
  } else if (k == 168) {
    std::thread t168([k] { may_throw(k); });
    may_throw(k + 168);
    t168.join();
  } else if (k == 169) {
    std::thread t169([k] { may_throw(k); });
    may_throw(k + 169);
    t169.join();
  } else if (k == 170) {
    std::thread t170([k] { may_throw(k); });
    may_throw(k + 170);
    t170.join();
  } else if (k == 171) {
    std::thread t171([k] { may_throw(k); });
    may_throw(k + 171);
    t171.join();
  } else if (k == 172) {
    std::thread t172([k] { may_throw(k); });
    may_throw(k + 172);
    t172.join();
  } else if (k == 173) {
    std::thread t173([k] { may_throw(k); });
    may_throw(k + 173);
    t173.join();
  } else if (k == 174) {
    std::thread t174([k] { may_throw(k); });
    may_throw(k + 174);
    t174.join();
  } else if (k == 175) {
    std::thread t175([k] { may_throw(k); });
    may_throw(k + 175);
    t175.join();
  } else if (k == 176) {
    std::thread t176([k] { may_throw(k); });
    may_throw(k + 176);
    t176.join();
  } else if (k == 177) {
    std::thread t177([k] { may_throw(k); });
    may_throw(k + 177);
    t177.join();
  } else if (k == 178) {
    std::thread t178([k] { may_throw(k); });
    may_throw(k + 178);
    t178.join();
  } else if (k == 179) {
    std::thread t179([k] { may_throw(k); });
    may_throw(k + 179);
    t179.join();
  } else if (k == 180) {
    std::thread t180([k] { may_throw(k); });
    may_throw(k + 180);
    t180.join();
  } else if (k == 181) {
    std::thread t181([k] { may_throw(k); });
    may_throw(k + 181);
    t181.join();
  } else if (k == 182) {
    std::thread t182([k] { may_throw(k); });
    may_throw(k + 182);
    t182.join();
  } else if (k == 183) {
    std::thread t183([k] { may_throw(k); });
    may_throw(k + 183);
    t183.join();
  } else if (k == 184) {
    std::thread t184([k] { may_throw(k); });
    may_throw(k + 184);
    t184.join();
  } else if (k == 185) {
    std::thread t185([k] { may_throw(k); });
    may_throw(k + 185);
    t185.join();
  } else if (k == 186) {
    std::thread t186([k] { may_throw(k); });
    may_throw(k + 186);
    t186.join();
  } else if (k == 187) {
    std::thread t187([k] { may_throw(k); });
    may_throw(k + 187);
    t187.join();
  } else if (k == 188) {
    std::thread t188([k] { may_throw(k); });
    may_throw(k + 188);
    t188.join();
  } else if (k == 189) {
    std::thread t189([k] { may_throw(k); });
    may_throw(k + 189);
    t189.join();
  } else if (k == 190) {
    std::thread t190([k] { may_throw(k); });
    may_throw(k + 190);
    t190.join();
  } else if (k == 191) {
    std::thread t191([k] { may_throw(k); });
    may_throw(k + 191);
    t191.join();
  } else if (k == 192) {
    std::thread t192([k] { may_throw(k); });
    may_throw(k + 192);
    t192.join();
  } else if (k == 193) {
    std::thread t193([k] { may_throw(k); });
    may_throw(k + 193);
    t193.join();
  } else if (k == 194) {
    std::thread t194([k] { may_throw(k); });
    may_throw(k + 194);
    t194.join();
  } else if (k == 195) {
    std::thread t195([k] { may_throw(k); });
    may_throw(k + 195);
    t195.join();
  } else if (k == 196) {
    std::thread t196([k] { may_throw(k); });
    may_throw(k + 196);
    t196.join();
  } else if (k == 197) {
    std::thread t197([k] { may_throw(k); });
    may_throw(k + 197);
    t197.join();
  } else if (k == 198) {
    std::thread t198([k] { may_throw(k); });
    may_throw(k + 198);
    t198.join();
  } else if (k == 199) {
    std::thread t199([k] { may_throw(k); });
    may_throw(k + 199);
    t199.join();
  } else if (k == 200) {
    std::thread t200([k] { may_throw(k); });
    may_throw(k + 200);
    t200.join();
  } else if (k == 201) {
    std::thread t201([k] { may_throw(k); });
    may_throw(k + 201);
    t201.join();
  } else if (k == 202) {
    std::thread t202([k] { may_throw(k); });
    may_throw(k + 202);
    t202.join();
  } else if (k == 203) {
    std::thread t203([k] { may_throw(k); });
    may_throw(k + 203);
    t203.join();
  } else if (k == 204) {
    std::thread t204([k] { may_throw(k); });
    may_throw(k + 204);
    t204.join();
  } else if (k == 205) {
    std::thread t205([k] { may_throw(k); });
    may_throw(k + 205);
    t205.join();
  } else if (k == 206) {
    std::thread t206([k] { may_throw(k); });
    may_throw(k + 206);
    t206.join();
  } else if (k == 207) {
    std::thread t207([k] { may_throw(k); });
    may_throw(k + 207);
    t207.join();
  } else if (k == 208) {
    std::thread t208([k] { may_throw(k); });
    may_throw(k + 208);
    t208.join();
  } else if (k == 209) {
    std::thread t209([k] { may_throw(k); });
    may_throw(k + 209);
    t209.join();
  } else if (k == 210) {
    std::thread t210([k] { may_throw(k); });
    may_throw(k + 210);
    t210.join();
  } else if (k == 211) {
    std::thread t211([k] { may_throw(k); });
    may_throw(k + 211);
    t211.join();
  } else if (k == 212) {
    std::thread t212([k] { may_throw(k); });
    may_throw(k + 212);
    t212.join();
  } else if (k == 213) {
    std::thread t213([k] { may_throw(k); });
    may_throw(k + 213);
    t213.join();
  } else if (k == 214) {
    std::thread t214([k] { may_throw(k); });
    may_throw(k + 214);
    t214.join();
  } else if (k == 215) {
    std::thread t215([k] { may_throw(k); });
    may_throw(k + 215);
    t215.join();
  } else if (k == 216) {
    std::thread t216([k] { may_throw(k); });
    may_throw(k + 216);
    t216.join();
  } else if (k == 217) {
    std::thread t217([k] { may_throw(k); });
    may_throw(k + 217);
    t217.join();
  } else if (k == 218) {
    std::thread t218([k] { may_throw(k); });
    may_throw(k + 218);
    t218.join();
  } else if (k == 219) {
    std::thread t219([k] { may_throw(k); });
    may_throw(k + 219);
    t219.join();
  } else if (k == 220) {
    std::thread t220([k] { may_throw(k); });
    may_throw(k + 220);
    t220.join();
  } else if (k == 221) {
    std::thread t221([k] { may_throw(k); });
    may_throw(k + 221);
    t221.join();
  } else if (k == 222) {
    std::thread t222([k] { may_throw(k); });
    may_throw(k + 222);
    t222.join();
  } else if (k == 223) {
    std::thread t223([k] { may_throw(k); });
    may_throw(k + 223);
    t223.join();
  } else if (k == 224) {
    std::thread t224([k] { may_throw(k); });
    may_throw(k + 224);
    t224.join();
  } else if (k == 225) {
    std::thread t225([k] { may_throw(k); });
    may_throw(k + 225);
    t225.join();
  } else if (k == 226) {
    std::thread t226([k] { may_throw(k); });
    may_throw(k + 226);
    t226.join();
  } else if (k == 227) {
    std::thread t227([k] { may_throw(k); });
    may_throw(k + 227);
    t227.join();
  } else if (k == 228) {
    std::thread t228([k] { may_throw(k); });
    may_throw(k + 228);
    t228.join();
  } else if (k == 229) {
    std::thread t229([k] { may_throw(k); });
    may_throw(k + 229);
    t229.join();
  } else if (k == 230) {
    std::thread t230([k] { may_throw(k); });
    may_throw(k + 230);
    t230.join();
  } else if (k == 231) {
    std::thread t231([k] { may_throw(k); });
    may_throw(k + 231);
    t231.join();
  } else if (k == 232) {
    std::thread t232([k] { may_throw(k); });
    may_throw(k + 232);
    t232.join();
  } else if (k == 233) {
    std::thread t233([k] { may_throw(k); });
    may_throw(k + 233);
    t233.join();
  } else if (k == 234) {
    std::thread t234([k] { may_throw(k); });
    may_throw(k + 234);
    t234.join();
  } else if (k == 235) {
    std::thread t235([k] { may_throw(k); });
    may_throw(k + 235);
    t235.join();
  } else if (k == 236) {
    std::thread t236([k] { may_throw(k); });
    may_throw(k + 236);
    t236.join();
  } else if (k == 237) {
    std::thread t237([k] { may_throw(k); });
    may_throw(k + 237);
    t237.join();
  } else if (k == 238) {
    std::thread t238([k] { may_throw(k); });
    may_throw(k + 238);
    t238.join();
  } else if (k == 239) {
    std::thread t239([k] { may_throw(k); });
    may_throw(k + 239);
    t239.join();
  } else if (k == 240) {
    std::thread t240([k] { may_throw(k); });
    may_throw(k + 240);
    t240.join();
  } else if (k == 241) {
    std::thread t241([k] { may_throw(k); });
    may_throw(k + 241);
    t241.join();
  } else if (k == 242) {
    std::thread t242([k] { may_throw(k); });
    may_throw(k + 242);
    t242.join();
  } else if (k == 243) {
    std::thread t243([k] { may_throw(k); });
    may_throw(k + 243);
    t243.join();
  } else if (k == 244) {
    std::thread t244([k] { may_throw(k); });
    may_throw(k + 244);
    t244.join();
  } else if (k == 245) {
    std::thread t245([k] { may_throw(k); });
    may_throw(k + 245);
    t245.join();
  } else if (k == 246) {
    std::thread t246([k] { may_throw(k); });
    may_throw(k + 246);
    t246.join();
  } else if (k == 247) {
    std::thread t247([k] { may_throw(k); });
    may_throw(k + 247);
    t247.join();
  } else if (k == 248) {
    std::thread t248([k] { may_throw(k); });
    may_throw(k + 248);
    t248.join();
  } else if (k == 249) {
    std::thread t249([k] { may_throw(k); });
    may_throw(k + 249);
    t249.join();
  } else if (k == 250) {
    std::thread t250([k] { may_throw(k); });
    may_throw(k + 250);
    t250.join();
  } else if (k == 251) {
    std::thread t251([k] { may_throw(k); });
    may_throw(k + 251);
    t251.join();
  } else if (k == 252) {
    std::thread t252([k] { may_throw(k); });
    may_throw(k + 252);
    t252.join();
  } else if (k == 253) {
    std::thread t253([k] { may_throw(k); });
    may_throw(k + 253);
    t253.join();
  } else if (k == 254) {
    std::thread t254([k] { may_throw(k); });
    may_throw(k + 254);
    t254.join();
  } else if (k == 255) {
    std::thread t255([k] { may_throw(k); });
    may_throw(k + 255);
    t255.join();
  } else if (k == 256) {
    std::thread t256([k] { may_throw(k); });
    may_throw(k + 256);
    t256.join();
  } else if (k == 257) {
    std::thread t257([k] { may_throw(k); });
    may_throw(k + 257);
    t257.join();
  } else if (k == 258) {
    std::thread t258([k] { may_throw(k); });
    may_throw(k + 258);
    t258.join();
  } else if (k == 259) {
    std::thread t259([k] { may_throw(k); });
    may_throw(k + 259);
    t259.join();
  } else if (k == 260) {
    std::thread t260([k] { may_throw(k); });
    may_throw(k + 260);
    t260.join();
  } else if (k == 261) {
    std::thread t261([k] { may_throw(k); });
    may_throw(k + 261);
    t261.join();
  } else if (k == 262) {
    std::thread t262([k] { may_throw(k); });
    may_throw(k + 262);
    t262.join();
  } else if (k == 263) {
    std::thread t263([k] { may_throw(k); });
    may_throw(k + 263);
    t263.join();
  } else if (k == 264) {
    std::thread t264([k] { may_throw(k); });
    may_throw(k + 264);
    t264.join();
  } else if (k == 265) {
    std::thread t265([k] { may_throw(k); });
    may_throw(k + 265);
    t265.join();
  } else if (k == 266) {
    std::thread t266([k] { may_throw(k); });
    may_throw(k + 266);
    t266.join();
  } else if (k == 267) {
    std::thread t267([k] { may_throw(k); });
    may_throw(k + 267);
    t267.join();
  } else if (k == 268) {
    std::thread t268([k] { may_throw(k); });
    may_throw(k + 268);
    t268.join();
  } else if (k == 269) {
    std::thread t269([k] { may_throw(k); });
    may_throw(k + 269);
    t269.join();
  } else if (k == 270) {
    std::thread t270([k] { may_throw(k); });
    may_throw(k + 270);
    t270.join();
  } else if (k == 271) {
    std::thread t271([k] { may_throw(k); });
    may_throw(k + 271);
    t271.join();
  } else if (k == 272) {
    std::thread t272([k] { may_throw(k); });
    may_throw(k + 272);
    t272.join();
  } else if (k == 273) {
    std::thread t273([k] { may_throw(k); });
    may_throw(k + 273);
    t273.join();
  } else if (k == 274) {
    std::thread t274([k] { may_throw(k); });
    may_throw(k + 274);
    t274.join();
  } else if (k == 275) {
    std::thread t275([k] { may_throw(k); });
    may_throw(k + 275);
    t275.join();
  } else if (k == 276) {
    std::thread t276([k] { may_throw(k); });
    may_throw(k + 276);
    t276.join();
  } else if (k == 277) {
    std::thread t277([k] { may_throw(k); });
    may_throw(k + 277);
    t277.join();
  } else if (k == 278) {
    std::thread t278([k] { may_throw(k); });
    may_throw(k + 278);
    t278.join();
  } else if (k == 279) {
    std::thread t279([k] { may_throw(k); });
    may_throw(k + 279);
    t279.join();
  } else if (k == 280) {
    std::thread t280([k] { may_throw(k); });
    may_throw(k + 280);
    t280.join();
  } else if (k == 281) {
    std::thread t281([k] { may_throw(k); });
    may_throw(k + 281);
    t281.join();
  } else if (k == 282) {
    std::thread t282([k] { may_throw(k); });
    may_throw(k + 282);
    t282.join();
  } else if (k == 283) {
    std::thread t283([k] { may_throw(k); });
    may_throw(k + 283);
    t283.join();
  } else if (k == 284) {
    std::thread t284([k] { may_throw(k); });
    may_throw(k + 284);
    t284.join();
  } else if (k == 285) {
    std::thread t285([k] { may_throw(k); });
    may_throw(k + 285);
    t285.join();
  } else if (k == 286) {
    std::thread t286([k] { may_throw(k); });
    may_throw(k + 286);
    t286.join();
  } else if (k == 287) {
    std::thread t287([k] { may_throw(k); });
    may_throw(k + 287);
    t287.join();
  } else if (k == 288) {
    std::thread t288([k] { may_throw(k); });
    may_throw(k + 288);
    t288.join();
  } else if (k == 289) {
    std::thread t289([k] { may_throw(k); });
    may_throw(k + 289);
    t289.join();
  } else if (k == 290) {
    std::thread t290([k] { may_throw(k); });
    may_throw(k + 290);
    t290.join();
  } else if (k == 291) {
    std::thread t291([k] { may_throw(k); });
    may_throw(k + 291);
    t291.join();
  } else if (k == 292) {
    std::thread t292([k] { may_throw(k); });
    may_throw(k + 292);
    t292.join();
  } else if (k == 293) {
    std::thread t293([k] { may_throw(k); });
    may_throw(k + 293);
    t293.join();
  } else if (k == 294) {
    std::thread t294([k] { may_throw(k); });
    may_throw(k + 294);
    t294.join();
  } else if (k == 295) {
    std::thread t295([k] { may_throw(k); });
    may_throw(k + 295);
    t295.join();
  } else if (k == 296) {
    std::thread t296([k] { may_throw(k); });
    may_throw(k + 296);
    t296.join();
  } else if (k == 297) {
    std::thread t297([k] { may_throw(k); });
    may_throw(k + 297);
    t297.join();
  } else if (k == 298) {
    std::thread t298([k] { may_throw(k); });
    may_throw(k + 298);
    t298.join();
  } else if (k == 299) {
    std::thread t299([k] { may_throw(k); });
    may_throw(k + 299);
    t299.join();
  } else if (k == 300) {
    std::thread t300([k] { may_throw(k); });
    may_throw(k + 300);
    t300.join();
  } else if (k == 301) {
    std::thread t301([k] { may_throw(k); });
    may_throw(k + 301);
    t301.join();
  } else if (k == 302) {
    std::thread t302([k] { may_throw(k); });
    may_throw(k + 302);
    t302.join();
  } else if (k == 303) {
    std::thread t303([k] { may_throw(k); });
    may_throw(k + 303);
    t303.join();
  } else if (k == 304) {
    std::thread t304([k] { may_throw(k); });
    may_throw(k + 304);
    t304.join();
  } else if (k == 305) {
    std::thread t305([k] { may_throw(k); });
    may_throw(k + 305);
    t305.join();
  } else if (k == 306) {
    std::thread t306([k] { may_throw(k); });
    may_throw(k + 306);
    t306.join();
  } else if (k == 307) {
    std::thread t307([k] { may_throw(k); });
    may_throw(k + 307);
    t307.join();
  } else if (k == 308) {
    std::thread t308([k] { may_throw(k); });
    may_throw(k + 308);
    t308.join();
  } else if (k == 309) {
    std::thread t309([k] { may_throw(k); });
    may_throw(k + 309);
    t309.join();
  } else if (k == 310) {
    std::thread t310([k] { may_throw(k); });
    may_throw(k + 310);
    t310.join();
  } else if (k == 311) {
    std::thread t311([k] { may_throw(k); });
    may_throw(k + 311);
    t311.join();
  } else if (k == 312) {
    std::thread t312([k] { may_throw(k); });
    may_throw(k + 312);
    t312.join();
  } else if (k == 313) {
    std::thread t313([k] { may_throw(k); });
    may_throw(k + 313);
    t313.join();
  } else if (k == 314) {
    std::thread t314([k] { may_throw(k); });
    may_throw(k + 314);
    t314.join();
  } else if (k == 315) {
    std::thread t315([k] { may_throw(k); });
    may_throw(k + 315);
    t315.join();
  } else if (k == 316) {
    std::thread t316([k] { may_throw(k); });
    may_throw(k + 316);
    t316.join();
  } else if (k == 317) {
    std::thread t317([k] { may_throw(k); });
    may_throw(k + 317);
    t317.join();
  } else if (k == 318) {
    std::thread t318([k] { may_throw(k); });
    may_throw(k + 318);
    t318.join();
  } else if (k == 319) {
    std::thread t319([k] { may_throw(k); });
    may_throw(k + 319);
    t319.join();
  } else if (k == 320) {
    std::thread t320([k] { may_throw(k); });
    may_throw(k + 320);
    t320.join();
  } else if (k == 321) {
    std::thread t321([k] { may_throw(k); });
    may_throw(k + 321);
    t321.join();
  } else if (k == 322) {
    std::thread t322([k] { may_throw(k); });
    may_throw(k + 322);
    t322.join();
  } else if (k == 323) {
    std::thread t323([k] { may_throw(k); });
    may_throw(k + 323);
    t323.join();
  } else if (k == 324) {
    std::thread t324([k] { may_throw(k); });
    may_throw(k + 324);
    t324.join();
  } else if (k == 325) {
    std::thread t325([k] { may_throw(k); });
    may_throw(k + 325);
    t325.join();
  } else if (k == 326) {
    std::thread t326([k] { may_throw(k); });
    may_throw(k + 326);
    t326.join();
  } else if (k == 327) {
    std::thread t327([k] { may_throw(k); });
    may_throw(k + 327);
    t327.join();
  } else if (k == 328) {
    std::thread t328([k] { may_throw(k); });
    may_throw(k + 328);
    t328.join();
  } else if (k == 329) {
    std::thread t329([k] { may_throw(k); });
    may_throw(k + 329);
    t329.join();
  } else if (k == 330) {
    std::thread t330([k] { may_throw(k); });
    may_throw(k + 330);
    t330.join();
  } else if (k == 331) {
    std::thread t331([k] { may_throw(k); });
    may_throw(k + 331);
    t331.join();
  } else if (k == 332) {
    std::thread t332([k] { may_throw(k); });
    may_throw(k + 332);
    t332.join();
  } else if (k == 333) {
    std::thread t333([k] { may_throw(k); });
    may_throw(k + 333);
    t333.join();
  } else if (k == 334) {
    std::thread t334([k] { may_throw(k); });
    may_throw(k + 334);
    t334.join();
  } else if (k == 335) {
    std::thread t335([k] { may_throw(k); });
    may_throw(k + 335);
    t335.join();
  } else if (k == 336) {
    std::thread t336([k] { may_throw(k); });
    may_throw(k + 336);
    t336.join();
  } else if (k == 337) {
    std::thread t337([k] { may_throw(k); });
    may_throw(k + 337);
    t337.join();
  } else if (k == 338) {
    std::thread t338([k] { may_throw(k); });
    may_throw(k + 338);
    t338.join();
  } else if (k == 339) {
    std::thread t339([k] { may_throw(k); });
    may_throw(k + 339);
    t339.join();
  } else if (k == 340) {
    std::thread t340([k] { may_throw(k); });
    may_throw(k + 340);
    t340.join();
  } else if (k == 341) {
    std::thread t341([k] { may_throw(k); });
    may_throw(k + 341);
    t341.join();
  } else if (k == 342) {
    std::thread t342([k] { may_throw(k); });
    may_throw(k + 342);
    t342.join();
  } else if (k == 343) {
    std::thread t343([k] { may_throw(k); });
    may_throw(k + 343);
    t343.join();
  } else if (k == 344) {
    std::thread t344([k] { may_throw(k); });
    may_throw(k + 344);
    t344.join();
  } else if (k == 345) {
    std::thread t345([k] { may_throw(k); });
    may_throw(k + 345);
    t345.join();
  } else if (k == 346) {
    std::thread t346([k] { may_throw(k); });
    may_throw(k + 346);
    t346.join();
  } else if (k == 347) {
    std::thread t347([k] { may_throw(k); });
    may_throw(k + 347);
    t347.join();
  } else if (k == 348) {
    std::thread t348([k] { may_throw(k); });
    may_throw(k + 348);
    t348.join();
  } else if (k == 349) {
    std::thread t349([k] { may_throw(k); });
    may_throw(k + 349);
    t349.join();
  } else if (k == 350) {
    std::thread t350([k] { may_throw(k); });
    may_throw(k + 350);
    t350.join();
  } else if (k == 351) {
    std::thread t351([k] { may_throw(k); });
    may_throw(k + 351);
    t351.join();
  } else if (k == 352) {
    std::thread t352([k] { may_throw(k); });
    may_throw(k + 352);
    t352.join();
  } else if (k == 353) {
    std::thread t353([k] { may_throw(k); });
    may_throw(k + 353);
    t353.join();
  } else if (k == 354) {
    std::thread t354([k] { may_throw(k); });
    may_throw(k + 354);
    t354.join();
  } else if (k == 355) {
    std::thread t355([k] { may_throw(k); });
    may_throw(k + 355);
    t355.join();
  } else if (k == 356) {
    std::thread t356([k] { may_throw(k); });
    may_throw(k + 356);
    t356.join();
  } else if (k == 357) {
    std::thread t357([k] { may_throw(k); });
    may_throw(k + 357);
    t357.join();
  } else if (k == 358) {
    std::thread t358([k] { may_throw(k); });
    may_throw(k + 358);
    t358.join();
  } else if (k == 359) {
    std::thread t359([k] { may_throw(k); });
    may_throw(k + 359);
    t359.join();
  } else if (k == 360) {
    std::thread t360([k] { may_throw(k); });
    may_throw(k + 360);
    t360.join();
  } else if (k == 361) {
    std::thread t361([k] { may_throw(k); });
    may_throw(k + 361);
    t361.join();
  } else if (k == 362) {
    std::thread t362([k] { may_throw(k); });
    may_throw(k + 362);
    t362.join();
  } else if (k == 363) {
    std::thread t363([k] { may_throw(k); });
    may_throw(k + 363);
    t363.join();
  } else if (k == 364) {
    std::thread t364([k] { may_throw(k); });
    may_throw(k + 364);
    t364.join();
  } else if (k == 365) {
    std::thread t365([k] { may_throw(k); });
    may_throw(k + 365);
    t365.join();
  } else if (k == 366) {
    std::thread t366([k] { may_throw(k); });
    may_throw(k + 366);
    t366.join();
  } else if (k == 367) {
    std::thread t367([k] { may_throw(k); });
    may_throw(k + 367);
    t367.join();
  } else if (k == 368) {
    std::thread t368([k] { may_throw(k); });
    may_throw(k + 368);
    t368.join();
  } else if (k == 369) {
    std::thread t369([k] { may_throw(k); });
    may_throw(k + 369);
    t369.join();
  } else if (k == 370) {
    std::thread t370([k] { may_throw(k); });
    may_throw(k + 370);
    t370.join();
  } else if (k == 371) {
    std::thread t371([k] { may_throw(k); });
    may_throw(k + 371);
    t371.join();
  } else if (k == 372) {
    std::thread t372([k] { may_throw(k); });
    may_throw(k + 372);
    t372.join();
  } else if (k == 373) {
    std::thread t373([k] { may_throw(k); });
    may_throw(k + 373);
    t373.join();
  } else if (k == 374) {
    std::thread t374([k] { may_throw(k); });
    may_throw(k + 374);
    t374.join();
  } else if (k == 375) {
    std::thread t375([k] { may_throw(k); });
    may_throw(k + 375);
    t375.join();
  } else if (k == 376) {
    std::thread t376([k] { may_throw(k); });
    may_throw(k + 376);
    t376.join();
  } else if (k == 377) {
    std::thread t377([k] { may_throw(k); });
    may_throw(k + 377);
    t377.join();
  } else if (k == 378) {
    std::thread t378([k] { may_throw(k); });
    may_throw(k + 378);
    t378.join();
  } else if (k == 379) {
    std::thread t379([k] { may_throw(k); });
    may_throw(k + 379);
    t379.join();
  } else if (k == 380) {
    std::thread t380([k] { may_throw(k); });
    may_throw(k + 380);
    t380.join();
  } else if (k == 381) {
    std::thread t381([k] { may_throw(k); });
    may_throw(k + 381);
    t381.join();
  } else if (k == 382) {
    std::thread t382([k] { may_throw(k); });
    may_throw(k + 382);
    t382.join();
  } else if (k == 383) {
    std::thread t383([k] { may_throw(k); });
    may_throw(k + 383);
    t383.join();
  } else if (k == 384) {
    std::thread t384([k] { may_throw(k); });
    may_throw(k + 384);
    t384.join();
  } else if (k == 385) {
    std::thread t385([k] { may_throw(k); });
    may_throw(k + 385);
    t385.join();
  } else if (k == 386) {
    std::thread t386([k] { may_throw(k); });
    may_throw(k + 386);
    t386.join();
  } else if (k == 387) {
    std::thread t387([k] { may_throw(k); });
    may_throw(k + 387);
    t387.join();
  } else if (k == 388) {
    std::thread t388([k] { may_throw(k); });
    may_throw(k + 388);
    t388.join();
  } else if (k == 389) {
    std::thread t389([k] { may_throw(k); });
    may_throw(k + 389);
    t389.join();
  } else if (k == 390) {
    std::thread t390([k] { may_throw(k); });
    may_throw(k + 390);
    t390.join();
  } else if (k == 391) {
    std::thread t391([k] { may_throw(k); });
    may_throw(k + 391);
    t391.join();
  } else if (k == 392) {
    std::thread t392([k] { may_throw(k); });
    may_throw(k + 392);
    t392.join();
  } else if (k == 393) {
    std::thread t393([k] { may_throw(k); });
    may_throw(k + 393);
    t393.join();
  } else if (k == 394) {
    std::thread t394([k] { may_throw(k); });
    may_throw(k + 394);
    t394.join();
  } else if (k == 395) {
    std::thread t395([k] { may_throw(k); });
    may_throw(k + 395);
    t395.join();
  } else if (k == 396) {
    std::thread t396([k] { may_throw(k); });
    may_throw(k + 396);
    t396.join();
  } else if (k == 397) {
    std::thread t397([k] { may_throw(k); });
    may_throw(k + 397);
    t397.join();
  } else if (k == 398) {
    std::thread t398([k] { may_throw(k); });
    may_throw(k + 398);
    t398.join();
  } else if (k == 399) {
    std::thread t399([k] { may_throw(k); });
    may_throw(k + 399);
    t399.join();
  } else if (k == 400) {
    std::thread t400([k] { may_throw(k); });
    may_throw(k + 400);
    t400.join();
  } else if (k == 401) {
    std::thread t401([k] { may_throw(k); });
    may_throw(k + 401);
    t401.join();
  } else if (k == 402) {
    std::thread t402([k] { may_throw(k); });
    may_throw(k + 402);
    t402.join();
  } else if (k == 403) {
    std::thread t403([k] { may_throw(k); });
    may_throw(k + 403);
    t403.join();
  } else if (k == 404) {
    std::thread t404([k] { may_throw(k); });
    may_throw(k + 404);
    t404.join();
  } else if (k == 405) {
    std::thread t405([k] { may_throw(k); });
    may_throw(k + 405);
    t405.join();
  } else if (k == 406) {
    std::thread t406([k] { may_throw(k); });
    may_throw(k + 406);
    t406.join();
  } else if (k == 407) {
    std::thread t407([k] { may_throw(k); });
    may_throw(k + 407);
    t407.join();
  } else if (k == 408) {
    std::thread t408([k] { may_throw(k); });
    may_throw(k + 408);
    t408.join();
  } else if (k == 409) {
    std::thread t409([k] { may_throw(k); });
    may_throw(k + 409);
    t409.join();
  } else if (k == 410) {
    std::thread t410([k] { may_throw(k); });
    may_throw(k + 410);
    t410.join();
  } else if (k == 411) {
    std::thread t411([k] { may_throw(k); });
    may_throw(k + 411);
    t411.join();
  } else if (k == 412) {
    std::thread t412([k] { may_throw(k); });
    may_throw(k + 412);
    t412.join();
  } else if (k == 413) {
    std::thread t413([k] { may_throw(k); });
    may_throw(k + 413);
    t413.join();
  } else if (k == 414) {
    std::thread t414([k] { may_throw(k); });
    may_throw(k + 414);
    t414.join();
  } else if (k == 415) {
    std::thread t415([k] { may_throw(k); });
    may_throw(k + 415);
    t415.join();
  } else if (k == 416) {
    std::thread t416([k] { may_throw(k); });
    may_throw(k + 416);
    t416.join();
  } else if (k == 417) {
    std::thread t417([k] { may_throw(k); });
    may_throw(k + 417);
    t417.join();
  } else if (k == 418) {
    std::thread t418([k] { may_throw(k); });
    may_throw(k + 418);
    t418.join();
  } else if (k == 419) {
    std::thread t419([k] { may_throw(k); });
    may_throw(k + 419);
    t419.join();
  } else if (k == 420) {
    std::thread t420([k] { may_throw(k); });
    may_throw(k + 420);
    t420.join();
  } else if (k == 421) {
    std::thread t421([k] { may_throw(k); });
    may_throw(k + 421);
    t421.join();
  } else if (k == 422) {
    std::thread t422([k] { may_throw(k); });
    may_throw(k + 422);
    t422.join();
  } else if (k == 423) {
    std::thread t423([k] { may_throw(k); });
    may_throw(k + 423);
    t423.join();
  } else if (k == 424) {
    std::thread t424([k] { may_throw(k); });
    may_throw(k + 424);
    t424.join();
  } else if (k == 425) {
    std::thread t425([k] { may_throw(k); });
    may_throw(k + 425);
    t425.join();
  } else if (k == 426) {
    std::thread t426([k] { may_throw(k); });
    may_throw(k + 426);
    t426.join();
  } else if (k == 427) {
    std::thread t427([k] { may_throw(k); });
    may_throw(k + 427);
    t427.join();
  } else if (k == 428) {
    std::thread t428([k] { may_throw(k); });
    may_throw(k + 428);
    t428.join();
  } else if (k == 429) {
    std::thread t429([k] { may_throw(k); });
    may_throw(k + 429);
    t429.join();
  } else if (k == 430) {
    std::thread t430([k] { may_throw(k); });
    may_throw(k + 430);
    t430.join();
  } else if (k == 431) {
    std::thread t431([k] { may_throw(k); });
    may_throw(k + 431);
    t431.join();
  } else if (k == 432) {
    std::thread t432([k] { may_throw(k); });
    may_throw(k + 432);
    t432.join();
  } else if (k == 433) {
    std::thread t433([k] { may_throw(k); });
    may_throw(k + 433);
    t433.join();
  } else if (k == 434) {
    std::thread t434([k] { may_throw(k); });
    may_throw(k + 434);
    t434.join();
  } else if (k == 435) {
    std::thread t435([k] { may_throw(k); });
    may_throw(k + 435);
    t435.join();
  } else if (k == 436) {
    std::thread t436([k] { may_throw(k); });
    may_throw(k + 436);
    t436.join();
  } else if (k == 437) {
    std::thread t437([k] { may_throw(k); });
    may_throw(k + 437);
    t437.join();
  } else if (k == 438) {
    std::thread t438([k] { may_throw(k); });
    may_throw(k + 438);
    t438.join();
  } else if (k == 439) {
    std::thread t439([k] { may_throw(k); });
    may_throw(k + 439);
    t439.join();
  } else if (k == 440) {
    std::thread t440([k] { may_throw(k); });
    may_throw(k + 440);
    t440.join();
  } else if (k == 441) {
    std::thread t441([k] { may_throw(k); });
    may_throw(k + 441);
    t441.join();
  } else if (k == 442) {
    std::thread t442([k] { may_throw(k); });
    may_throw(k + 442);
    t442.join();
  } else if (k == 443) {
    std::thread t443([k] { may_throw(k); });
    may_throw(k + 443);
    t443.join();
  } else if (k == 444) {
    std::thread t444([k] { may_throw(k); });
    may_throw(k + 444);
    t444.join();
  } else if (k == 445) {
    std::thread t445([k] { may_throw(k); });
    may_throw(k + 445);
    t445.join();
  } else if (k == 446) {
    std::thread t446([k] { may_throw(k); });
    may_throw(k + 446);
    t446.join();
  } else if (k == 447) {
    std::thread t447([k] { may_throw(k); });
    may_throw(k + 447);
    t447.join();
  } else if (k == 448) {
    std::thread t448([k] { may_throw(k); });
    may_throw(k + 448);
    t448.join();
  } else if (k == 449) {
    std::thread t449([k] { may_throw(k); });
    may_throw(k + 449);
    t449.join();
  } else if (k == 450) {
    std::thread t450([k] { may_throw(k); });
    may_throw(k + 450);
    t450.join();
  } else if (k == 451) {
    std::thread t451([k] { may_throw(k); });
    may_throw(k + 451);
    t451.join();
  } else if (k == 452) {
    std::thread t452([k] { may_throw(k); });
    may_throw(k + 452);
    t452.join();
  } else if (k == 453) {
    std::thread t453([k] { may_throw(k); });
    may_throw(k + 453);
    t453.join();
  } else if (k == 454) {
    std::thread t454([k] { may_throw(k); });
    may_throw(k + 454);
    t454.join();
  } else if (k == 455) {
    std::thread t455([k] { may_throw(k); });
    may_throw(k + 455);
    t455.join();
  } else if (k == 456) {
    std::thread t456([k] { may_throw(k); });
    may_throw(k + 456);
    t456.join();
  } else if (k == 457) {
    std::thread t457([k] { may_throw(k); });
    may_throw(k + 457);
    t457.join();
  } else if (k == 458) {
    std::thread t458([k] { may_throw(k); });
    may_throw(k + 458);
    t458.join();
  } else if (k == 459) {
    std::thread t459([k] { may_throw(k); });
    may_throw(k + 459);
    t459.join();
  } else if (k == 460) {
    std::thread t460([k] { may_throw(k); });
    may_throw(k + 460);
    t460.join();
  } else if (k == 461) {
    std::thread t461([k] { may_throw(k); });
    may_throw(k + 461);
    t461.join();
  } else if (k == 462) {
    std::thread t462([k] { may_throw(k); });
    may_throw(k + 462);
    t462.join();
  } else if (k == 463) {
    std::thread t463([k] { may_throw(k); });
    may_throw(k + 463);
    t463.join();
  } else if (k == 464) {
    std::thread t464([k] { may_throw(k); });
    may_throw(k + 464);
    t464.join();
  } else if (k == 465) {
    std::thread t465([k] { may_throw(k); });
    may_throw(k + 465);
    t465.join();
  } else if (k == 466) {
    std::thread t466([k] { may_throw(k); });
    may_throw(k + 466);
    t466.join();
  } else if (k == 467) {
    std::thread t467([k] { may_throw(k); });
    may_throw(k + 467);
    t467.join();
  } else if (k == 468) {
    std::thread t468([k] { may_throw(k); });
    may_throw(k + 468);
    t468.join();
  } else if (k == 469) {
    std::thread t469([k] { may_throw(k); });
    may_throw(k + 469);
    t469.join();
  } else if (k == 470) {
    std::thread t470([k] { may_throw(k); });
    may_throw(k + 470);
    t470.join();
  } else if (k == 471) {
    std::thread t471([k] { may_throw(k); });
    may_throw(k + 471);
    t471.join();
  } else if (k == 472) {
    std::thread t472([k] { may_throw(k); });
    may_throw(k + 472);
    t472.join();
  } else if (k == 473) {
    std::thread t473([k] { may_throw(k); });
    may_throw(k + 473);
    t473.join();
  } else if (k == 474) {
    std::thread t474([k] { may_throw(k); });
    may_throw(k + 474);
    t474.join();
  } else if (k == 475) {
    std::thread t475([k] { may_throw(k); });
    may_throw(k + 475);
    t475.join();
  } else if (k == 476) {
    std::thread t476([k] { may_throw(k); });
    may_throw(k + 476);
    t476.join();
  } else if (k == 477) {
    std::thread t477([k] { may_throw(k); });
    may_throw(k + 477);
    t477.join();
  } else if (k == 478) {
    std::thread t478([k] { may_throw(k); });
    may_throw(k + 478);
    t478.join();
  } else if (k == 479) {
    std::thread t479([k] { may_throw(k); });
    may_throw(k + 479);
    t479.join();
  } else if (k == 480) {
    std::thread t480([k] { may_throw(k); });
    may_throw(k + 480);
    t480.join();
  } else if (k == 481) {
    std::thread t481([k] { may_throw(k); });
    may_throw(k + 481);
    t481.join();
  } else if (k == 482) {
    std::thread t482([k] { may_throw(k); });
    may_throw(k + 482);
    t482.join();
  } else if (k == 483) {
    std::thread t483([k] { may_throw(k); });
    may_throw(k + 483);
    t483.join();
  } else if (k == 484) {
    std::thread t484([k] { may_throw(k); });
    may_throw(k + 484);
    t484.join();
  } else if (k == 485) {
    std::thread t485([k] { may_throw(k); });
    may_throw(k + 485);
    t485.join();
  } else if (k == 486) {
    std::thread t486([k] { may_throw(k); });
    may_throw(k + 486);
    t486.join();
  } else if (k == 487) {
    std::thread t487([k] { may_throw(k); });
    may_throw(k + 487);
    t487.join();
  } else if (k == 488) {
    std::thread t488([k] { may_throw(k); });
    may_throw(k + 488);
    t488.join();
  } else if (k == 489) {
    std::thread t489([k] { may_throw(k); });
    may_throw(k + 489);
    t489.join();
  } else if (k == 490) {
    std::thread t490([k] { may_throw(k); });
    may_throw(k + 490);
    t490.join();
  } else if (k == 491) {
    std::thread t491([k] { may_throw(k); });
    may_throw(k + 491);
    t491.join();
  } else if (k == 492) {
    std::thread t492([k] { may_throw(k); });
    may_throw(k + 492);
    t492.join();
  } else if (k == 493) {
    std::thread t493([k] { may_throw(k); });
    may_throw(k + 493);
    t493.join();
  } else if (k == 494) {
    std::thread t494([k] { may_throw(k); });
    may_throw(k + 494);
    t494.join();
  } else if (k == 495) {
    std::thread t495([k] { may_throw(k); });
    may_throw(k + 495);
    t495.join();
  } else if (k == 496) {
    std::thread t496([k] { may_throw(k); });
    may_throw(k + 496);
    t496.join();
  } else if (k == 497) {
    std::thread t497([k] { may_throw(k); });
    may_throw(k + 497);
    t497.join();
  } else if (k == 498) {
    std::thread t498([k] { may_throw(k); });
    may_throw(k + 498);
    t498.join();
  } else if (k == 499) {
    std::thread t499([k] { may_throw(k); });
    may_throw(k + 499);
    t499.join();
  } else if (k == 500) {
    std::thread t500([k] { may_throw(k); });
    may_throw(k + 500);
    t500.join();
  } else if (k == 501) {
    std::thread t501([k] { may_throw(k); });
    may_throw(k + 501);
    t501.join();
  } else if (k == 502) {
    std::thread t502([k] { may_throw(k); });
    may_throw(k + 502);
    t502.join();
  } else if (k == 503) {
    std::thread t503([k] { may_throw(k); });
    may_throw(k + 503);
    t503.join();
  } else if (k == 504) {
    std::thread t504([k] { may_throw(k); });
    may_throw(k + 504);
    t504.join();
  } else if (k == 505) {
    std::thread t505([k] { may_throw(k); });
    may_throw(k + 505);
    t505.join();
  } else if (k == 506) {
    std::thread t506([k] { may_throw(k); });
    may_throw(k + 506);
    t506.join();
  } else if (k == 507) {
    std::thread t507([k] { may_throw(k); });
    may_throw(k + 507);
    t507.join();
  } else if (k == 508) {
    std::thread t508([k] { may_throw(k); });
    may_throw(k + 508);
    t508.join();
  } else if (k == 509) {
    std::thread t509([k] { may_throw(k); });
    may_throw(k + 509);
    t509.join();
  } else if (k == 510) {
    std::thread t510([k] { may_throw(k); });
    may_throw(k + 510);
    t510.join();
  } else if (k == 511) {
    std::thread t511([k] { may_throw(k); });
    may_throw(k + 511);
    t511.join();
  } else if (k == 512) {
    std::thread t512([k] { may_throw(k); });
    may_throw(k + 512);
    t512.join();
  } else if (k == 513) {
    std::thread t513([k] { may_throw(k); });
    may_throw(k + 513);
    t513.join();
  } else if (k == 514) {
    std::thread t514([k] { may_throw(k); });
    may_throw(k + 514);
    t514.join();
  } else if (k == 515) {
    std::thread t515([k] { may_throw(k); });
    may_throw(k + 515);
    t515.join();
  } else if (k == 516) {
    std::thread t516([k] { may_throw(k); });
    may_throw(k + 516);
    t516.join();
  } else if (k == 517) {
    std::thread t517([k] { may_throw(k); });
    may_throw(k + 517);
    t517.join();
  } else if (k == 518) {
    std::thread t518([k] { may_throw(k); });
    may_throw(k + 518);
    t518.join();
  } else if (k == 519) {
    std::thread t519([k] { may_throw(k); });
    may_throw(k + 519);
    t519.join();
  } else if (k == 520) {
    std::thread t520([k] { may_throw(k); });
    may_throw(k + 520);
    t520.join();
  } else if (k == 521) {
    std::thread t521([k] { may_throw(k); });
    may_throw(k + 521);
    t521.join();
  } else if (k == 522) {
    std::thread t522([k] { may_throw(k); });
    may_throw(k + 522);
    t522.join();
  } else if (k == 523) {
    std::thread t523([k] { may_throw(k); });
    may_throw(k + 523);
    t523.join();
  } else if (k == 524) {
    std::thread t524([k] { may_throw(k); });
    may_throw(k + 524);
    t524.join();
  } else if (k == 525) {
    std::thread t525([k] { may_throw(k); });
    may_throw(k + 525);
    t525.join();
  } else if (k == 526) {
    std::thread t526([k] { may_throw(k); });
    may_throw(k + 526);
    t526.join();
  } else if (k == 527) {
    std::thread t527([k] { may_throw(k); });
    may_throw(k + 527);
    t527.join();
  } else if (k == 528) {
    std::thread t528([k] { may_throw(k); });
    may_throw(k + 528);
    t528.join();
  } else if (k == 529) {
    std::thread t529([k] { may_throw(k); });
    may_throw(k + 529);
    t529.join();
  } else if (k == 530) {
    std::thread t530([k] { may_throw(k); });
    may_throw(k + 530);
    t530.join();
  } else if (k == 531) {
    std::thread t531([k] { may_throw(k); });
    may_throw(k + 531);
    t531.join();
  } else if (k == 532) {
    std::thread t532([k] { may_throw(k); });
    may_throw(k + 532);
    t532.join();
  } else if (k == 533) {
    std::thread t533([k] { may_throw(k); });
    may_throw(k + 533);
    t533.join();
  } else if (k == 534) {
    std::thread t534([k] { may_throw(k); });
    may_throw(k + 534);
    t534.join();
  } else if (k == 535) {
    std::thread t535([k] { may_throw(k); });
    may_throw(k + 535);
    t535.join();
  } else if (k == 536) {
    std::thread t536([k] { may_throw(k); });
    may_throw(k + 536);
    t536.join();
  } else if (k == 537) {
    std::thread t537([k] { may_throw(k); });
    may_throw(k + 537);
    t537.join();
  } else if (k == 538) {
    std::thread t538([k] { may_throw(k); });
    may_throw(k + 538);
    t538.join();
  } else if (k == 539) {
    std::thread t539([k] { may_throw(k); });
    may_throw(k + 539);
    t539.join();
  } else if (k == 540) {
    std::thread t540([k] { may_throw(k); });
    may_throw(k + 540);
    t540.join();
  } else if (k == 541) {
    std::thread t541([k] { may_throw(k); });
    may_throw(k + 541);
    t541.join();
  } else if (k == 542) {
    std::thread t542([k] { may_throw(k); });
    may_throw(k + 542);
    t542.join();
  } else if (k == 543) {
    std::thread t543([k] { may_throw(k); });
    may_throw(k + 543);
    t543.join();
  } else if (k == 544) {
    std::thread t544([k] { may_throw(k); });
    may_throw(k + 544);
    t544.join();
  } else if (k == 545) {
    std::thread t545([k] { may_throw(k); });
    may_throw(k + 545);
    t545.join();
  } else if (k == 546) {
    std::thread t546([k] { may_throw(k); });
    may_throw(k + 546);
    t546.join();
  } else if (k == 547) {
    std::thread t547([k] { may_throw(k); });
    may_throw(k + 547);
    t547.join();
  } else if (k == 548) {
    std::thread t548([k] { may_throw(k); });
    may_throw(k + 548);
    t548.join();
  } else if (k == 549) {
    std::thread t549([k] { may_throw(k); });
    may_throw(k + 549);
    t549.join();
  } else if (k == 550) {
    std::thread t550([k] { may_throw(k); });
    may_throw(k + 550);
    t550.join();
  } else if (k == 551) {
    std::thread t551([k] { may_throw(k); });
    may_throw(k + 551);
    t551.join();
  } else if (k == 552) {
    std::thread t552([k] { may_throw(k); });
    may_throw(k + 552);
    t552.join();
  } else if (k == 553) {
    std::thread t553([k] { may_throw(k); });
    may_throw(k + 553);
    t553.join();
  } else if (k == 554) {
    std::thread t554([k] { may_throw(k); });
    may_throw(k + 554);
    t554.join();
  } else if (k == 555) {
    std::thread t555([k] { may_throw(k); });
    may_throw(k + 555);
    t555.join();
  } else if (k == 556) {
    std::thread t556([k] { may_throw(k); });
    may_throw(k + 556);
    t556.join();
  } else if (k == 557) {
    std::thread t557([k] { may_throw(k); });
    may_throw(k + 557);
    t557.join();
  } else if (k == 558) {
    std::thread t558([k] { may_throw(k); });
    may_throw(k + 558);
    t558.join();
  } else if (k == 559) {
    std::thread t559([k] { may_throw(k); });
    may_throw(k + 559);
    t559.join();
  } else if (k == 560) {
    std::thread t560([k] { may_throw(k); });
    may_throw(k + 560);
    t560.join();
  } else if (k == 561) {
    std::thread t561([k] { may_throw(k); });
    may_throw(k + 561);
    t561.join();
  } else if (k == 562) {
    std::thread t562([k] { may_throw(k); });
    may_throw(k + 562);
    t562.join();
  } else if (k == 563) {
    std::thread t563([k] { may_throw(k); });
    may_throw(k + 563);
    t563.join();
  } else if (k == 564) {
    std::thread t564([k] { may_throw(k); });
    may_throw(k + 564);
    t564.join();
  } else if (k == 565) {
    std::thread t565([k] { may_throw(k); });
    may_throw(k + 565);
    t565.join();
  } else if (k == 566) {
    std::thread t566([k] { may_throw(k); });
    may_throw(k + 566);
    t566.join();
  } else if (k == 567) {
    std::thread t567([k] { may_throw(k); });
    may_throw(k + 567);
    t567.join();
  } else if (k == 568) {
    std::thread t568([k] { may_throw(k); });
    may_throw(k + 568);
    t568.join();
  } else if (k == 569) {
    std::thread t569([k] { may_throw(k); });
    may_throw(k + 569);
    t569.join();
  } else if (k == 570) {
    std::thread t570([k] { may_throw(k); });
    may_throw(k + 570);
    t570.join();
  } else if (k == 571) {
    std::thread t571([k] { may_throw(k); });
    may_throw(k + 571);
    t571.join();
  } else if (k == 572) {
    std::thread t572([k] { may_throw(k); });
    may_throw(k + 572);
    t572.join();
  } else if (k == 573) {
    std::thread t573([k] { may_throw(k); });
    may_throw(k + 573);
    t573.join();
  } else if (k == 574) {
    std::thread t574([k] { may_throw(k); });
    may_throw(k + 574);
    t574.join();
  } else if (k == 575) {
    std::thread t575([k] { may_throw(k); });
    may_throw(k + 575);
    t575.join();
  } else if (k == 576) {
    std::thread t576([k] { may_throw(k); });
    may_throw(k + 576);
    t576.join();
  } else if (k == 577) {
    std::thread t577([k] { may_throw(k); });
    may_throw(k + 577);
    t577.join();
  } else if (k == 578) {
    std::thread t578([k] { may_throw(k); });
    may_throw(k + 578);
    t578.join();
  } else if (k == 579) {
    std::thread t579([k] { may_throw(k); });
    may_throw(k + 579);
    t579.join();
  } else if (k == 580) {
    std::thread t580([k] { may_throw(k); });
    may_throw(k + 580);
    t580.join();
  } else if (k == 581) {
    std::thread t581([k] { may_throw(k); });
    may_throw(k + 581);
    t581.join();
  } else if (k == 582) {
    std::thread t582([k] { may_throw(k); });
    may_throw(k + 582);
    t582.join();
  } else if (k == 583) {
    std::thread t583([k] { may_throw(k); });
    may_throw(k + 583);
    t583.join();
  } else if (k == 584) {
    std::thread t584([k] { may_throw(k); });
    may_throw(k + 584);
    t584.join();
  } else if (k == 585) {
    std::thread t585([k] { may_throw(k); });
    may_throw(k + 585);
    t585.join();
  } else if (k == 586) {
    std::thread t586([k] { may_throw(k); });
    may_throw(k + 586);
    t586.join();
  } else if (k == 587) {
    std::thread t587([k] { may_throw(k); });
    may_throw(k + 587);
    t587.join();
  } else if (k == 588) {
    std::thread t588([k] { may_throw(k); });
    may_throw(k + 588);
    t588.join();
  } else if (k == 589) {
    std::thread t589([k] { may_throw(k); });
    may_throw(k + 589);
    t589.join();
  } else if (k == 590) {
    std::thread t590([k] { may_throw(k); });
    may_throw(k + 590);
    t590.join();
  } else if (k == 591) {
    std::thread t591([k] { may_throw(k); });
    may_throw(k + 591);
    t591.join();
  } else if (k == 592) {
    std::thread t592([k] { may_throw(k); });
    may_throw(k + 592);
    t592.join();
  } else if (k == 593) {
    std::thread t593([k] { may_throw(k); });
    may_throw(k + 593);
    t593.join();
  } else if (k == 594) {
    std::thread t594([k] { may_throw(k); });
    may_throw(k + 594);
    t594.join();
  } else if (k == 595) {
    std::thread t595([k] { may_throw(k); });
    may_throw(k + 595);
    t595.join();
  } else if (k == 596) {
    std::thread t596([k] { may_throw(k); });
    may_throw(k + 596);
    t596.join();
  } else if (k == 597) {
    std::thread t597([k] { may_throw(k); });
    may_throw(k + 597);
    t597.join();
  } else if (k == 598) {
    std::thread t598([k] { may_throw(k); });
    may_throw(k + 598);
    t598.join();
  } else if (k == 599) {
    std::thread t599([k] { may_throw(k); });
    may_throw(k + 599);
    t599.join();
  } else if (k == 600) {
    std::thread t600([k] { may_throw(k); });
    may_throw(k + 600);
    t600.join();
  } else if (k == 601) {
    std::thread t601([k] { may_throw(k); });
    may_throw(k + 601);
    t601.join();
  } else if (k == 602) {
    std::thread t602([k] { may_throw(k); });
    may_throw(k + 602);
    t602.join();
  } else if (k == 603) {
    std::thread t603([k] { may_throw(k); });
    may_throw(k + 603);
    t603.join();
  } else if (k == 604) {
    std::thread t604([k] { may_throw(k); });
    may_throw(k + 604);
    t604.join();
  } else if (k == 605) {
    std::thread t605([k] { may_throw(k); });
    may_throw(k + 605);
    t605.join();
  } else if (k == 606) {
    std::thread t606([k] { may_throw(k); });
    may_throw(k + 606);
    t606.join();
  } else if (k == 607) {
    std::thread t607([k] { may_throw(k); });
    may_throw(k + 607);
    t607.join();
  } else if (k == 608) {
    std::thread t608([k] { may_throw(k); });
    may_throw(k + 608);
    t608.join();
  } else if (k == 609) {
    std::thread t609([k] { may_throw(k); });
    may_throw(k + 609);
    t609.join();
  } else if (k == 610) {
    std::thread t610([k] { may_throw(k); });
    may_throw(k + 610);
    t610.join();
  } else if (k == 611) {
    std::thread t611([k] { may_throw(k); });
    may_throw(k + 611);
    t611.join();
  } else if (k == 612) {
    std::thread t612([k] { may_throw(k); });
    may_throw(k + 612);
    t612.join();
  } else if (k == 613) {
    std::thread t613([k] { may_throw(k); });
    may_throw(k + 613);
    t613.join();
  } else if (k == 614) {
    std::thread t614([k] { may_throw(k); });
    may_throw(k + 614);
    t614.join();
  } else if (k == 615) {
    std::thread t615([k] { may_throw(k); });
    may_throw(k + 615);
    t615.join();
  } else if (k == 616) {
    std::thread t616([k] { may_throw(k); });
    may_throw(k + 616);
    t616.join();
  } else if (k == 617) {
    std::thread t617([k] { may_throw(k); });
    may_throw(k + 617);
    t617.join();
  } else if (k == 618) {
    std::thread t618([k] { may_throw(k); });
    may_throw(k + 618);
    t618.join();
  } else if (k == 619) {
    std::thread t619([k] { may_throw(k); });
    may_throw(k + 619);
    t619.join();
  } else if (k == 620) {
    std::thread t620([k] { may_throw(k); });
    may_throw(k + 620);
    t620.join();
  } else if (k == 621) {
    std::thread t621([k] { may_throw(k); });
    may_throw(k + 621);
    t621.join();
  } else if (k == 622) {
    std::thread t622([k] { may_throw(k); });
    may_throw(k + 622);
    t622.join();
  } else if (k == 623) {
    std::thread t623([k] { may_throw(k); });
    may_throw(k + 623);
    t623.join();
  } else if (k == 624) {
    std::thread t624([k] { may_throw(k); });
    may_throw(k + 624);
    t624.join();
  } else if (k == 625) {
    std::thread t625([k] { may_throw(k); });
    may_throw(k + 625);
    t625.join();
  } else if (k == 626) {
    std::thread t626([k] { may_throw(k); });
    may_throw(k + 626);
    t626.join();
  } else if (k == 627) {
    std::thread t627([k] { may_throw(k); });
    may_throw(k + 627);
    t627.join();
  } else if (k == 628) {
    std::thread t628([k] { may_throw(k); });
    may_throw(k + 628);
    t628.join();
  } else if (k == 629) {
    std::thread t629([k] { may_throw(k); });
    may_throw(k + 629);
    t629.join();
  } else if (k == 630) {
    std::thread t630([k] { may_throw(k); });
    may_throw(k + 630);
    t630.join();
  } else if (k == 631) {
    std::thread t631([k] { may_throw(k); });
    may_throw(k + 631);
    t631.join();
  } else if (k == 632) {
    std::thread t632([k] { may_throw(k); });
    may_throw(k + 632);
    t632.join();
  } else if (k == 633) {
    std::thread t633([k] { may_throw(k); });
    may_throw(k + 633);
    t633.join();
  } else if (k == 634) {
    std::thread t634([k] { may_throw(k); });
    may_throw(k + 634);
    t634.join();
  } else if (k == 635) {
    std::thread t635([k] { may_throw(k); });
    may_throw(k + 635);
    t635.join();
  } else if (k == 636) {
    std::thread t636([k] { may_throw(k); });
    may_throw(k + 636);
    t636.join();
  } else if (k == 637) {
    std::thread t637([k] { may_throw(k); });
    may_throw(k + 637);
    t637.join();
  } else if (k == 638) {
    std::thread t638([k] { may_throw(k); });
    may_throw(k + 638);
    t638.join();
  } else if (k == 639) {
    std::thread t639([k] { may_throw(k); });
    may_throw(k + 639);
    t639.join();
  } else if (k == 640) {
    std::thread t640([k] { may_throw(k); });
    may_throw(k + 640);
    t640.join();
  } else if (k == 641) {
    std::thread t641([k] { may_throw(k); });
    may_throw(k + 641);
    t641.join();
  } else if (k == 642) {
    std::thread t642([k] { may_throw(k); });
    may_throw(k + 642);
    t642.join();
  } else if (k == 643) {
    std::thread t643([k] { may_throw(k); });
    may_throw(k + 643);
    t643.join();
  } else if (k == 644) {
    std::thread t644([k] { may_throw(k); });
    may_throw(k + 644);
    t644.join();
  } else if (k == 645) {
    std::thread t645([k] { may_throw(k); });
    may_throw(k + 645);
    t645.join();
  } else if (k == 646) {
    std::thread t646([k] { may_throw(k); });
    may_throw(k + 646);
    t646.join();
  } else if (k == 647) {
    std::thread t647([k] { may_throw(k); });
    may_throw(k + 647);
    t647.join();
  } else if (k == 648) {
    std::thread t648([k] { may_throw(k); });
    may_throw(k + 648);
    t648.join();
  } else if (k == 649) {
    std::thread t649([k] { may_throw(k); });
    may_throw(k + 649);
    t649.join();
  } else if (k == 650) {
    std::thread t650([k] { may_throw(k); });
    may_throw(k + 650);
    t650.join();
  } else if (k == 651) {
    std::thread t651([k] { may_throw(k); });
    may_throw(k + 651);
    t651.join();
  } else if (k == 652) {
    std::thread t652([k] { may_throw(k); });
    may_throw(k + 652);
    t652.join();
  } else if (k == 653) {
    std::thread t653([k] { may_throw(k); });
    may_throw(k + 653);
    t653.join();
  } else if (k == 654) {
    std::thread t654([k] { may_throw(k); });
    may_throw(k + 654);
    t654.join();
  } else if (k == 655) {
    std::thread t655([k] { may_throw(k); });
    may_throw(k + 655);
    t655.join();
  } else if (k == 656) {
    std::thread t656([k] { may_throw(k); });
    may_throw(k + 656);
    t656.join();
  } else if (k == 657) {
    std::thread t657([k] { may_throw(k); });
    may_throw(k + 657);
    t657.join();
  } else if (k == 658) {
    std::thread t658([k] { may_throw(k); });
    may_throw(k + 658);
    t658.join();
  } else if (k == 659) {
    std::thread t659([k] { may_throw(k); });
    may_throw(k + 659);
    t659.join();
  } else if (k == 660) {
    std::thread t660([k] { may_throw(k); });
    may_throw(k + 660);
    t660.join();
  } else if (k == 661) {
    std::thread t661([k] { may_throw(k); });
    may_throw(k + 661);
    t661.join();
  } else if (k == 662) {
    std::thread t662([k] { may_throw(k); });
    may_throw(k + 662);
    t662.join();
  } else if (k == 663) {
    std::thread t663([k] { may_throw(k); });
    may_throw(k + 663);
    t663.join();
  } else if (k == 664) {
    std::thread t664([k] { may_throw(k); });
    may_throw(k + 664);
    t664.join();
  } else if (k == 665) {
    std::thread t665([k] { may_throw(k); });
    may_throw(k + 665);
    t665.join();
  } else if (k == 666) {
    std::thread t666([k] { may_throw(k); });
    may_throw(k + 666);
    t666.join();
  } else if (k == 667) {
    std::thread t667([k] { may_throw(k); });
    may_throw(k + 667);
    t667.join();
  } else if (k == 668) {
    std::thread t668([k] { may_throw(k); });
    may_throw(k + 668);
    t668.join();
  } else if (k == 669) {
    std::thread t669([k] { may_throw(k); });
    may_throw(k + 669);
    t669.join();
  } else if (k == 670) {
    std::thread t670([k] { may_throw(k); });
    may_throw(k + 670);
    t670.join();
  } else if (k == 671) {
    std::thread t671([k] { may_throw(k); });
    may_throw(k + 671);
    t671.join();
  } else if (k == 672) {
    std::thread t672([k] { may_throw(k); });
    may_throw(k + 672);
    t672.join();
  } else if (k == 673) {
    std::thread t673([k] { may_throw(k); });
    may_throw(k + 673);
    t673.join();
  } else if (k == 674) {
    std::thread t674([k] { may_throw(k); });
    may_throw(k + 674);
    t674.join();
  } else if (k == 675) {
    std::thread t675([k] { may_throw(k); });
    may_throw(k + 675);
    t675.join();
  } else if (k == 676) {
    std::thread t676([k] { may_throw(k); });
    may_throw(k + 676);
    t676.join();
  } else if (k == 677) {
    std::thread t677([k] { may_throw(k); });
    may_throw(k + 677);
    t677.join();
  } else if (k == 678) {
    std::thread t678([k] { may_throw(k); });
    may_throw(k + 678);
    t678.join();
  } else if (k == 679) {
    std::thread t679([k] { may_throw(k); });
    may_throw(k + 679);
    t679.join();
  } else if (k == 680) {
    std::thread t680([k] { may_throw(k); });
    may_throw(k + 680);
    t680.join();
  } else if (k == 681) {
    std::thread t681([k] { may_throw(k); });
    may_throw(k + 681);
    t681.join();
  } else if (k == 682) {
    std::thread t682([k] { may_throw(k); });
    may_throw(k + 682);
    t682.join();
  } else if (k == 683) {
    std::thread t683([k] { may_throw(k); });
    may_throw(k + 683);
    t683.join();
  } else if (k == 684) {
    std::thread t684([k] { may_throw(k); });
    may_throw(k + 684);
    t684.join();
  } else if (k == 685) {
    std::thread t685([k] { may_throw(k); });
    may_throw(k + 685);
    t685.join();
  } else if (k == 686) {
    std::thread t686([k] { may_throw(k); });
    may_throw(k + 686);
    t686.join();
  } else if (k == 687) {
    std::thread t687([k] { may_throw(k); });
    may_throw(k + 687);
    t687.join();
  } else if (k == 688) {
    std::thread t688([k] { may_throw(k); });
    may_throw(k + 688);
    t688.join();
  } else if (k == 689) {
    std::thread t689([k] { may_throw(k); });
    may_throw(k + 689);
    t689.join();
  } else if (k == 690) {
    std::thread t690([k] { may_throw(k); });
    may_throw(k + 690);
    t690.join();
  } else if (k == 691) {
    std::thread t691([k] { may_throw(k); });
    may_throw(k + 691);
    t691.join();
  } else if (k == 692) {
    std::thread t692([k] { may_throw(k); });
    may_throw(k + 692);
    t692.join();
  } else if (k == 693) {
    std::thread t693([k] { may_throw(k); });
    may_throw(k + 693);
    t693.join();
  } else if (k == 694) {
    std::thread t694([k] { may_throw(k); });
    may_throw(k + 694);
    t694.join();
  } else if (k == 695) {
    std::thread t695([k] { may_throw(k); });
    may_throw(k + 695);
    t695.join();
  } else if (k == 696) {
    std::thread t696([k] { may_throw(k); });
    may_throw(k + 696);
    t696.join();
  } else if (k == 697) {
    std::thread t697([k] { may_throw(k); });
    may_throw(k + 697);
    t697.join();
  } else if (k == 698) {
    std::thread t698([k] { may_throw(k); });
    may_throw(k + 698);
    t698.join();
  } else if (k == 699) {
    std::thread t699([k] { may_throw(k); });
    may_throw(k + 699);
    t699.join();
  } else if (k == 700) {
    std::thread t700([k] { may_throw(k); });
    may_throw(k + 700);
    t700.join();
  } else if (k == 701) {
    std::thread t701([k] { may_throw(k); });
    may_throw(k + 701);
    t701.join();
  } else if (k == 702) {
    std::thread t702([k] { may_throw(k); });
    may_throw(k + 702);
    t702.join();
  } else if (k == 703) {
    std::thread t703([k] { may_throw(k); });
    may_throw(k + 703);
    t703.join();
  } else if (k == 704) {
    std::thread t704([k] { may_throw(k); });
    may_throw(k + 704);
    t704.join();
  } else if (k == 705) {
    std::thread t705([k] { may_throw(k); });
    may_throw(k + 705);
    t705.join();
  } else if (k == 706) {
    std::thread t706([k] { may_throw(k); });
    may_throw(k + 706);
    t706.join();
  } else if (k == 707) {
    std::thread t707([k] { may_throw(k); });
    may_throw(k + 707);
    t707.join();
  } else if (k == 708) {
    std::thread t708([k] { may_throw(k); });
    may_throw(k + 708);
    t708.join();
  } else if (k == 709) {
    std::thread t709([k] { may_throw(k); });
    may_throw(k + 709);
    t709.join();
  } else if (k == 710) {
    std::thread t710([k] { may_throw(k); });
    may_throw(k + 710);
    t710.join();
  } else if (k == 711) {
    std::thread t711([k] { may_throw(k); });
    may_throw(k + 711);
    t711.join();
  } else if (k == 712) {
    std::thread t712([k] { may_throw(k); });
    may_throw(k + 712);
    t712.join();
  } else if (k == 713) {
    std::thread t713([k] { may_throw(k); });
    may_throw(k + 713);
    t713.join();
  } else if (k == 714) {
    std::thread t714([k] { may_throw(k); });
    may_throw(k + 714);
    t714.join();
  } else if (k == 715) {
    std::thread t715([k] { may_throw(k); });
    may_throw(k + 715);
    t715.join();
  } else if (k == 716) {
    std::thread t716([k] { may_throw(k); });
    may_throw(k + 716);
    t716.join();
  } else if (k == 717) {
    std::thread t717([k] { may_throw(k); });
    may_throw(k + 717);
    t717.join();
  } else if (k == 718) {
    std::thread t718([k] { may_throw(k); });
    may_throw(k + 718);
    t718.join();
  } else if (k == 719) {
    std::thread t719([k] { may_throw(k); });
    may_throw(k + 719);
    t719.join();
  } else if (k == 720) {
    std::thread t720([k] { may_throw(k); });
    may_throw(k + 720);
    t720.join();
  } else if (k == 721) {
    std::thread t721([k] { may_throw(k); });
    may_throw(k + 721);
    t721.join();
  } else if (k == 722) {
    std::thread t722([k] { may_throw(k); });
    may_throw(k + 722);
    t722.join();
  } else if (k == 723) {
    std::thread t723([k] { may_throw(k); });
    may_throw(k + 723);
    t723.join();
  } else if (k == 724) {
    std::thread t724([k] { may_throw(k); });
    may_throw(k + 724);
    t724.join();
  } else if (k == 725) {
    std::thread t725([k] { may_throw(k); });
    may_throw(k + 725);
    t725.join();
  } else if (k == 726) {
    std::thread t726([k] { may_throw(k); });
    may_throw(k + 726);
    t726.join();
  } else if (k == 727) {
    std::thread t727([k] { may_throw(k); });
    may_throw(k + 727);
    t727.join();
  } else if (k == 728) {
    std::thread t728([k] { may_throw(k); });
    may_throw(k + 728);
    t728.join();
  } else if (k == 729) {
    std::thread t729([k] { may_throw(k); });
    may_throw(k + 729);
    t729.join();
  } else if (k == 730) {
    std::thread t730([k] { may_throw(k); });
    may_throw(k + 730);
    t730.join();
  } else if (k == 731) {
    std::thread t731([k] { may_throw(k); });
    may_throw(k + 731);
    t731.join();
  } else if (k == 732) {
    std::thread t732([k] { may_throw(k); });
    may_throw(k + 732);
    t732.join();
  } else if (k == 733) {
    std::thread t733([k] { may_throw(k); });
    may_throw(k + 733);
    t733.join();
  } else if (k == 734) {
    std::thread t734([k] { may_throw(k); });
    may_throw(k + 734);
    t734.join();
  } else if (k == 735) {
    std::thread t735([k] { may_throw(k); });
    may_throw(k + 735);
    t735.join();
  } else if (k == 736) {
    std::thread t736([k] { may_throw(k); });
    may_throw(k + 736);
    t736.join();
  } else if (k == 737) {
    std::thread t737([k] { may_throw(k); });
    may_throw(k + 737);
    t737.join();
  } else if (k == 738) {
    std::thread t738([k] { may_throw(k); });
    may_throw(k + 738);
    t738.join();
  } else if (k == 739) {
    std::thread t739([k] { may_throw(k); });
    may_throw(k + 739);
    t739.join();
  } else if (k == 740) {
    std::thread t740([k] { may_throw(k); });
    may_throw(k + 740);
    t740.join();
  } else if (k == 741) {
    std::thread t741([k] { may_throw(k); });
    may_throw(k + 741);
    t741.join();
  } else if (k == 742) {
    std::thread t742([k] { may_throw(k); });
    may_throw(k + 742);
    t742.join();
  } else if (k == 743) {
    std::thread t743([k] { may_throw(k); });
    may_throw(k + 743);
    t743.join();
  } else if (k == 744) {
    std::thread t744([k] { may_throw(k); });
    may_throw(k + 744);
    t744.join();
  } else if (k == 745) {
    std::thread t745([k] { may_throw(k); });
    may_throw(k + 745);
    t745.join();
  } else if (k == 746) {
    std::thread t746([k] { may_throw(k); });
    may_throw(k + 746);
    t746.join();
  } else if (k == 747) {
    std::thread t747([k] { may_throw(k); });
    may_throw(k + 747);
    t747.join();
  } else if (k == 748) {
    std::thread t748([k] { may_throw(k); });
    may_throw(k + 748);
    t748.join();
  } else if (k == 749) {
    std::thread t749([k] { may_throw(k); });
    may_throw(k + 749);
    t749.join();
  } else if (k == 750) {
    std::thread t750([k] { may_throw(k); });
    may_throw(k + 750);
    t750.join();
  } else if (k == 751) {
    std::thread t751([k] { may_throw(k); });
    may_throw(k + 751);
    t751.join();
  } else if (k == 752) {
    std::thread t752([k] { may_throw(k); });
    may_throw(k + 752);
    t752.join();
  } else if (k == 753) {
    std::thread t753([k] { may_throw(k); });
    may_throw(k + 753);
    t753.join();
  } else if (k == 754) {
    std::thread t754([k] { may_throw(k); });
    may_throw(k + 754);
    t754.join();
  } else if (k == 755) {
    std::thread t755([k] { may_throw(k); });
    may_throw(k + 755);
    t755.join();
  } else if (k == 756) {
    std::thread t756([k] { may_throw(k); });
    may_throw(k + 756);
    t756.join();
  } else if (k == 757) {
    std::thread t757([k] { may_throw(k); });
    may_throw(k + 757);
    t757.join();
  } else if (k == 758) {
    std::thread t758([k] { may_throw(k); });
    may_throw(k + 758);
    t758.join();
  } else if (k == 759) {
    std::thread t759([k] { may_throw(k); });
    may_throw(k + 759);
    t759.join();
  } else if (k == 760) {
    std::thread t760([k] { may_throw(k); });
    may_throw(k + 760);
    t760.join();
  } else if (k == 761) {
    std::thread t761([k] { may_throw(k); });
    may_throw(k + 761);
    t761.join();
  } else if (k == 762) {
    std::thread t762([k] { may_throw(k); });
    may_throw(k + 762);
    t762.join();
  } else if (k == 763) {
    std::thread t763([k] { may_throw(k); });
    may_throw(k + 763);
    t763.join();
  } else if (k == 764) {
    std::thread t764([k] { may_throw(k); });
    may_throw(k + 764);
    t764.join();
  } else if (k == 765) {
    std::thread t765([k] { may_throw(k); });
    may_throw(k + 765);
    t765.join();
  } else if (k == 766) {
    std::thread t766([k] { may_throw(k); });
    may_throw(k + 766);
    t766.join();
  } else if (k == 767) {
    std::thread t767([k] { may_throw(k); });
    may_throw(k + 767);
    t767.join();
  } else if (k == 768) {
    std::thread t768([k] { may_throw(k); });
    may_throw(k + 768);
    t768.join();
  } else if (k == 769) {
    std::thread t769([k] { may_throw(k); });
    may_throw(k + 769);
    t769.join();
  } else if (k == 770) {
    std::thread t770([k] { may_throw(k); });
    may_throw(k + 770);
    t770.join();
  } else if (k == 771) {
    std::thread t771([k] { may_throw(k); });
    may_throw(k + 771);
    t771.join();
  } else if (k == 772) {
    std::thread t772([k] { may_throw(k); });
    may_throw(k + 772);
    t772.join();
  } else if (k == 773) {
    std::thread t773([k] { may_throw(k); });
    may_throw(k + 773);
    t773.join();
  } else if (k == 774) {
    std::thread t774([k] { may_throw(k); });
    may_throw(k + 774);
    t774.join();
  } else if (k == 775) {
    std::thread t775([k] { may_throw(k); });
    may_throw(k + 775);
    t775.join();
  } else if (k == 776) {
    std::thread t776([k] { may_throw(k); });
    may_throw(k + 776);
    t776.join();
  } else if (k == 777) {
    std::thread t777([k] { may_throw(k); });
    may_throw(k + 777);
    t777.join();
  } else if (k == 778) {
    std::thread t778([k] { may_throw(k); });
    may_throw(k + 778);
    t778.join();
  } else if (k == 779) {
    std::thread t779([k] { may_throw(k); });
    may_throw(k + 779);
    t779.join();
  } else if (k == 780) {
    std::thread t780([k] { may_throw(k); });
    may_throw(k + 780);
    t780.join();
  } else if (k == 781) {
    std::thread t781([k] { may_throw(k); });
    may_throw(k + 781);
    t781.join();
  } else if (k == 782) {
    std::thread t782([k] { may_throw(k); });
    may_throw(k + 782);
    t782.join();
  } else if (k == 783) {
    std::thread t783([k] { may_throw(k); });
    may_throw(k + 783);
    t783.join();
  } else if (k == 784) {
    std::thread t784([k] { may_throw(k); });
    may_throw(k + 784);
    t784.join();
  } else if (k == 785) {
    std::thread t785([k] { may_throw(k); });
    may_throw(k + 785);
    t785.join();
  } else if (k == 786) {
    std::thread t786([k] { may_throw(k); });
    may_throw(k + 786);
    t786.join();
  } else if (k == 787) {
    std::thread t787([k] { may_throw(k); });
    may_throw(k + 787);
    t787.join();
  } else if (k == 788) {
    std::thread t788([k] { may_throw(k); });
    may_throw(k + 788);
    t788.join();
  } else if (k == 789) {
    std::thread t789([k] { may_throw(k); });
    may_throw(k + 789);
    t789.join();
  } else if (k == 790) {
    std::thread t790([k] { may_throw(k); });
    may_throw(k + 790);
    t790.join();
  } else if (k == 791) {
    std::thread t791([k] { may_throw(k); });
    may_throw(k + 791);
    t791.join();
  } else if (k == 792) {
    std::thread t792([k] { may_throw(k); });
    may_throw(k + 792);
    t792.join();
  } else if (k == 793) {
    std::thread t793([k] { may_throw(k); });
    may_throw(k + 793);
    t793.join();
  } else if (k == 794) {
    std::thread t794([k] { may_throw(k); });
    may_throw(k + 794);
    t794.join();
  } else if (k == 795) {
    std::thread t795([k] { may_throw(k); });
    may_throw(k + 795);
    t795.join();
  } else if (k == 796) {
    std::thread t796([k] { may_throw(k); });
    may_throw(k + 796);
    t796.join();
  } else if (k == 797) {
    std::thread t797([k] { may_throw(k); });
    may_throw(k + 797);
    t797.join();
  } else if (k == 798) {
    std::thread t798([k] { may_throw(k); });
    may_throw(k + 798);
    t798.join();
  } else if (k == 799) {
    std::thread t799([k] { may_throw(k); });
    may_throw(k + 799);
    t799.join();
  } else {
    std::thread last([] {});
    last.join();
  }
}
